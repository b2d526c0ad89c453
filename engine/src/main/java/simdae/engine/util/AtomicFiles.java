package simdae.engine.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement: write a temporary file in the target's folder, force it to disk, then rename it
 * over the target. A crash at any point leaves either the old file or the new one under the real name, never a
 * partial one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, ByteBuffer bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * As {@link #write(Path, ByteBuffer)}, calling {@code beforeRename} (if not null) after the temporary file is on
     * disk and before it replaces the target: a hook for crash-safety tests.
     */
    public static void write(Path target, ByteBuffer bytes, Runnable beforeRename) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would carry over to the target after the rename.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer b = bytes.duplicate();
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            if (beforeRename != null) beforeRename.run();
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true); // makes the rename durable on Linux; unsupported elsewhere, which is fine
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
