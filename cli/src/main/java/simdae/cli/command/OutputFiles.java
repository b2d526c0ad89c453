package simdae.cli.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streamed output files (score rows) written beside their target and renamed into place, so a failed run never leaves
 * a partial file under the real name; whole files written at once go through {@code AtomicFiles}. Temporary files get the user's normal permissions (unlike {@code Files.createTempFile}'s owner-only
 * ones), so the renamed result does too.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** A new empty file next to {@code target} (whose folder is created if needed). */
    static Path tempBeside(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        String base = "." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".";
        for (int i = 0; ; i++) {
            try {
                return Files.createFile(abs.resolveSibling(base + i + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (i > 1000) throw e;
            }
        }
    }

    /** Moves a finished temporary file over {@code target}. */
    static void commit(Path temp, Path target) throws IOException {
        Files.move(temp, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
