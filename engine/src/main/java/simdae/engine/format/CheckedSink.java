package simdae.engine.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Buffers little-endian values to an output stream while computing the CRC-32C of everything written and counting
 * bytes, so the writer can both store the checksum and assert it produced exactly the planned length.
 */
final class CheckedSink {
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long flushed;

    CheckedSink(OutputStream out) {
        this.out = out;
    }

    long position() {
        return flushed + buf.position();
    }

    private void room(int n) throws IOException {
        if (buf.remaining() < n) drain();
    }

    private void drain() throws IOException {
        crc.update(buf.array(), 0, buf.position());
        out.write(buf.array(), 0, buf.position());
        flushed += buf.position();
        buf.clear();
    }

    void bytes(byte[] b) throws IOException {
        drain();
        crc.update(b, 0, b.length);
        out.write(b);
        flushed += b.length;
    }

    void i8(byte v) throws IOException {
        room(1);
        buf.put(v);
    }

    void i16(short v) throws IOException {
        room(2);
        buf.putShort(v);
    }

    void f32(float v) throws IOException {
        room(4);
        buf.putFloat(v);
    }

    void zerosTo(long target) throws IOException {
        if (target < position()) throw new IllegalStateException("writer overran its layout at " + position() + " > " + target);
        while (position() < target) i8((byte) 0);
    }

    /** The CRC-32C of every byte written so far; also pushes them to the stream. */
    int checksum() throws IOException {
        drain();
        return (int) crc.getValue();
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }
}
