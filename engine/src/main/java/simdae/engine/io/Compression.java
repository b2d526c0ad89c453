package simdae.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens files transparently decompressing gzip, detected by the magic bytes rather than by the file name. */
public final class Compression {
    private static final int BUFFER = 1 << 16;

    private Compression() {}

    /** Whether the stream (which must support mark/reset) starts with the gzip magic 0x1f 0x8b; does not consume. */
    public static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** Whether the file starts with the gzip magic. @throws IOException when the file cannot be read */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
            return isGzip(in);
        }
    }

    /**
     * Opens {@code file} for reading its uncompressed content, buffered.
     *
     * @throws IOException when the file cannot be opened, or a gzip header is corrupt
     */
    public static InputStream open(Path file) throws IOException {
        return decompressing(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    /**
     * Wraps {@code in} so that gzip content is decompressed and anything else passes through; closes {@code in} if
     * the gzip header is corrupt.
     *
     * @throws IOException when reading fails or the gzip header is corrupt
     */
    public static InputStream decompressing(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
        try {
            return isGzip(b) ? new BufferedInputStream(new GZIPInputStream(b, BUFFER), BUFFER) : b;
        } catch (IOException e) {
            b.close();
            throw e;
        }
    }
}
