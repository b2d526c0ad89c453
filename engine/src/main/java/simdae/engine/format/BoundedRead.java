package simdae.engine.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a declared number of bytes from a stream without trusting the declaration: the buffer grows with the data
 * that actually arrives (doubling), so a 28-byte stream claiming 2 GiB allocates kilobytes, not gigabytes.
 */
final class BoundedRead {
    private static final int FIRST_CHUNK = 1 << 16;

    private BoundedRead() {
    }

    /**
     * {@code prefix} followed by up to {@code total - prefix.length} more bytes of {@code in}.
     *
     * @return the bytes read; shorter than {@code total} when the stream ended early
     */
    static byte[] read(InputStream in, byte[] prefix, int total) throws IOException {
        byte[] buf = Arrays.copyOf(prefix, Math.min(total, Math.max(prefix.length, FIRST_CHUNK)));
        int n = prefix.length;
        while (n < total) {
            if (n == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }
}
