package simdae.engine.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC-32C (Castagnoli, the iSCSI/ext4 polynomial; hardware-accelerated by the JDK) of a byte range. */
final class Crc {
    private Crc() {
    }

    static int of(byte[] a, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(a, off, len);
        return (int) c.getValue();
    }

    static int of(ByteBuffer b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate().limit(off + len).position(off));
        return (int) c.getValue();
    }
}
