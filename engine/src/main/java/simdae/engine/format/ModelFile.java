package simdae.engine.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import simdae.engine.format.ModelFormatException.Kind;
import simdae.engine.model.TrainedModel;

/**
 * Saves and loads models in the simdae weights format ({@code weights/FORMAT.md}): one self-describing, checksummed,
 * memory-mappable file per model.
 *
 * <p>Saving is crash-safe: the file is written under a temporary name in the target's folder, synced to disk, then
 * atomically renamed over the target, so the target name only ever holds a complete model (the old one or the new
 * one). Loading validates every length and offset against the real file before allocating, and reports problems as
 * a {@link ModelFormatException} whose {@link ModelFormatException.Kind} says what went wrong.
 */
public final class ModelFile {
    /** Major format version this library writes; files with another major are refused. */
    public static final int FORMAT_MAJOR = Spec.MAJOR;
    /** Minor format version this library writes; files with a newer minor are read, ignoring what is new. */
    public static final int FORMAT_MINOR = Spec.MINOR;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code target}, replacing any file there only once the new one is complete on disk.
     *
     * @param weights how to store the weight matrices (biases are always f32)
     * @throws IllegalArgumentException when the model cannot be stored (int8 with non-finite weights, over 2 GiB)
     */
    public static void save(TrainedModel model, Path target, DType weights) throws IOException {
        save(model, target, weights, SaveHook.NONE);
    }

    static void save(TrainedModel model, Path target, DType weights, SaveHook hook) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        ModelWriter.STANDARD.plan(model, weights); // refuse an unstorable model before touching the disk
        Path temp = null;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                // A fresh random name per save: concurrent saves never share a temp file, and CREATE_NEW never
                // follows or reuses anything already there.
                temp = dir.resolve(abs.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    temp = null;
                    if (attempt >= 8) throw e;
                }
            }
            try (FileChannel c = ch) {
                ModelWriter.STANDARD.write(model, weights, Channels.newOutputStream(c));
                c.force(true);
            }
            hook.beforeRename(temp);
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncDirectory(dir);
        } catch (IOException | RuntimeException | Error e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Makes the rename itself durable where the platform allows it; where it does not, the rename is still atomic. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; NTFS journals the rename anyway.
        }
    }

    /**
     * The file's bytes, as {@link #save} would write them.
     *
     * @throws IllegalArgumentException when the model cannot be stored in this dtype or exceeds 2 GiB
     */
    public static byte[] toBytes(TrainedModel model, DType weights) {
        return ModelWriter.STANDARD.toBytes(model, weights);
    }

    /** Reads a model file into the heap. Errors name the file. */
    public static LoadedModel load(Path path) throws IOException {
        String source = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(Spec.PREAMBLE_BYTES);
            readFully(ch, head, 0);
            Preamble.read(head, head.position(), source); // a non-model fails here, before the whole file is read
            long size = ch.size();
            requireLoadable(size, source);
            ByteBuffer all = ByteBuffer.allocate((int) size); // the real size, never a size the file claims
            readFully(ch, all, 0);
            return ModelReader.read(all.flip(), source);
        }
    }

    /**
     * Memory-maps a model file read-only and reads it from the page cache, without a heap copy of the file. The
     * returned model owns its parameters; the mapping is released by the garbage collector (on Windows the file
     * cannot be replaced until then).
     */
    public static LoadedModel map(Path path) throws IOException {
        String source = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            requireLoadable(size, source);
            return ModelReader.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), source);
        }
    }

    /** Reads a model from a stream, consuming exactly the bytes the model declares. */
    public static LoadedModel load(InputStream in) throws IOException {
        return load(in, null);
    }

    /**
     * As {@link #load(InputStream)}, naming the stream in error messages.
     *
     * @param source a name for the stream (e.g. a resource path), or {@code null}
     */
    public static LoadedModel load(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(Spec.PREAMBLE_BYTES);
        Preamble pre = Preamble.read(ByteBuffer.wrap(head), head.length, source);
        requireLoadable(pre.length(), source);
        byte[] all = BoundedRead.read(in, head, (int) pre.length());
        return ModelReader.read(ByteBuffer.wrap(all), source);
    }

    /** Reads a model from its bytes, which must be exactly one file. */
    public static LoadedModel load(byte[] bytes) throws ModelFormatException {
        return ModelReader.read(ByteBuffer.wrap(bytes), null);
    }

    private static void requireLoadable(long size, String source) throws ModelFormatException {
        if (size > Spec.MAX_FILE_BYTES) {
            throw new ModelFormatException(Kind.TOO_LARGE, source, "model of " + size + " bytes is larger than the "
                    + Spec.MAX_FILE_BYTES + " bytes this reader can hold");
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) break;
            pos += r;
        }
    }
}
