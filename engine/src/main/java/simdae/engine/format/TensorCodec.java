package simdae.engine.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts a {@code rows × cols} row-major block of floats to and from its stored dtype. The int8 payload is the
 * {@code cols} f32 scales first (so they stay 4-byte aligned after the 64-byte tensor alignment), then the
 * {@code rows × cols} quantised values in the same row-major order.
 */
final class TensorCodec {
    private TensorCodec() {
    }

    static void encode(DType d, float[] p, int off, int rows, int cols, CheckedSink out) throws IOException {
        int n = rows * cols;
        switch (d) {
            case F32:
                for (int i = 0; i < n; i++) out.f32(p[off + i]);
                return;
            case F16:
                for (int i = 0; i < n; i++) out.i16(Half.fromFloat(p[off + i]));
                return;
            default: {
                float[] scale = columnScales(p, off, rows, cols);
                for (float s : scale) out.f32(s);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) out.i8(quantise(p[off + r * cols + c], scale[c]));
                }
            }
        }
    }

    /** {@code max|w| / 127} per column: symmetric, so zero stays exactly zero and no offset is needed. */
    static float[] columnScales(float[] p, int off, int rows, int cols) {
        float[] max = new float[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float w = p[off + r * cols + c];
                if (!Float.isFinite(w)) throw new IllegalArgumentException("int8 needs finite weights, found " + w + " at row " + r + ", column " + c);
                max[c] = Math.max(max[c], Math.abs(w));
            }
        }
        for (int c = 0; c < cols; c++) max[c] /= 127f;
        return max;
    }

    static byte quantise(float w, float scale) {
        if (scale == 0f) return 0;
        int q = Math.round(w / scale);
        return (byte) Math.max(-127, Math.min(127, q));
    }

    /** Decodes a tensor whose byte length the caller already checked against {@link DType#byteLength}. */
    static void decode(DType d, ByteBuffer file, long offset, int rows, int cols, float[] p, int off) {
        int n = rows * cols;
        ByteBuffer b = file.slice((int) offset, (int) d.byteLength(rows, cols)).order(ByteOrder.LITTLE_ENDIAN);
        switch (d) {
            case F32:
                b.asFloatBuffer().get(p, off, n);
                return;
            case F16:
                for (int i = 0; i < n; i++) p[off + i] = Half.toFloat(b.getShort(2 * i));
                return;
            default: {
                float[] scale = new float[cols];
                b.asFloatBuffer().get(scale);
                int q = 4 * cols;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) p[off + r * cols + c] = b.get(q + r * cols + c) * scale[c];
                }
            }
        }
    }
}
