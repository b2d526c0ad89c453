package simdae.engine.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte builder for the header, which is small and built before its length is known. */
final class LeBytes {
    private byte[] a = new byte[1024];
    private int n;

    int size() {
        return n;
    }

    byte[] toArray() {
        return Arrays.copyOf(a, n);
    }

    private void room(int k) {
        if (n + k > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, n + k));
    }

    LeBytes u8(int v) {
        room(1);
        a[n++] = (byte) v;
        return this;
    }

    LeBytes u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    LeBytes u32(long v) {
        return u16((int) v & 0xffff).u16((int) (v >>> 16) & 0xffff);
    }

    LeBytes i64(long v) {
        return u32(v & 0xffff_ffffL).u32(v >>> 32);
    }

    LeBytes f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xffff_ffffL);
    }

    LeBytes f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    LeBytes bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
        return this;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
