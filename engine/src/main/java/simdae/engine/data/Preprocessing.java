package simdae.engine.data;

import java.util.Arrays;

/**
 * The input transform fitted on training data and stored with the model, so scoring applies exactly the training
 * transform: {@code x' = (x - offset[j]) * scale[j]} per feature {@code j}.
 *
 * <p>Kinds: {@link Kind#NONE} (identity), {@link Kind#DIVIDE} (a single constant divisor, e.g. ÷255 for image
 * pixels), {@link Kind#MINMAX} (to [0, 1] per feature) and {@link Kind#ZSCORE} (zero mean, unit variance per feature).
 * Immutable.
 */
public final class Preprocessing {

    /** The kind of transform; codes are stable for the weights format. */
    public enum Kind {
        /** Identity. */
        NONE(0),
        /** Divide every feature by one constant ({@code scale[0] = 1/divisor}). */
        DIVIDE(1),
        /** Per-feature min-max to [0, 1]. */
        MINMAX(2),
        /** Per-feature standardisation. */
        ZSCORE(3);

        /** Stable code used by the weights format. */
        public final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The kind with this code. */
        public static Kind fromCode(int code) {
            for (Kind k : values()) if (k.code == code) return k;
            throw new IllegalArgumentException("unknown preprocessing code " + code);
        }
    }

    private final Kind kind;
    private final float[] offset;
    private final float[] scale;

    /**
     * A transform of the given kind. For {@link Kind#NONE} both arrays are empty; for {@link Kind#DIVIDE} each holds
     * one value; otherwise one value per feature.
     */
    public Preprocessing(Kind kind, float[] offset, float[] scale) {
        if (offset.length != scale.length) throw new IllegalArgumentException("offset and scale differ in length");
        if ((kind == Kind.NONE) != (offset.length == 0)) throw new IllegalArgumentException(kind + " with " + offset.length + " parameters");
        if (kind == Kind.DIVIDE && offset.length != 1) throw new IllegalArgumentException("DIVIDE takes one parameter");
        this.kind = kind;
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    /** No transform. */
    public static Preprocessing none() {
        return new Preprocessing(Kind.NONE, new float[0], new float[0]);
    }

    /** {@code x / divisor}; {@code divide(255)} is the notebook's pixel scaling. */
    public static Preprocessing divide(float divisor) {
        if (!(divisor != 0f) || !Float.isFinite(divisor)) throw new IllegalArgumentException("divisor must be finite and non-zero");
        return new Preprocessing(Kind.DIVIDE, new float[] {0f}, new float[] {1f / divisor});
    }

    /** Per-feature min-max fitted on {@code n × d} rows; constant features map to 0. */
    public static Preprocessing fitMinMax(float[] x, int n, int d) {
        float[] lo = new float[d], hi = new float[d];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                float v = x[r * d + j];
                if (v < lo[j]) lo[j] = v;
                if (v > hi[j]) hi[j] = v;
            }
        }
        float[] sc = new float[d];
        for (int j = 0; j < d; j++) {
            float range = hi[j] - lo[j];
            sc[j] = range > 0f ? 1f / range : 0f;
            if (n == 0) lo[j] = 0f;
        }
        return new Preprocessing(Kind.MINMAX, lo, sc);
    }

    /** Per-feature z-score fitted on {@code n × d} rows (population std); constant features map to 0. */
    public static Preprocessing fitZScore(float[] x, int n, int d) {
        double[] mean = new double[d], m2 = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                double v = x[r * d + j];
                double delta = v - mean[j];
                mean[j] += delta / (r + 1);
                m2[j] += delta * (v - mean[j]);
            }
        }
        float[] off = new float[d], sc = new float[d];
        for (int j = 0; j < d; j++) {
            off[j] = (float) mean[j];
            double sd = n > 0 ? Math.sqrt(m2[j] / n) : 0;
            sc[j] = sd > 0 ? (float) (1.0 / sd) : 0f;
        }
        return new Preprocessing(Kind.ZSCORE, off, sc);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** A copy of the offsets. */
    public float[] offset() {
        return offset.clone();
    }

    /** A copy of the scales. */
    public float[] scale() {
        return scale.clone();
    }

    /** Features this transform was fitted for, or 0 when it applies to any width (NONE, DIVIDE). */
    public int features() {
        return kind == Kind.MINMAX || kind == Kind.ZSCORE ? offset.length : 0;
    }

    /** Applies the transform in place to {@code n} rows of width {@code d} starting at {@code x[off]}. */
    public void applyInPlace(float[] x, int off, int n, int d) {
        switch (kind) {
            case NONE:
                return;
            case DIVIDE: {
                float s = scale[0], o = offset[0];
                for (int i = off, end = off + n * d; i < end; i++) x[i] = (x[i] - o) * s;
                return;
            }
            default:
                if (offset.length != d) throw new IllegalArgumentException("preprocessing fitted for " + offset.length + " features, data has " + d);
                for (int r = 0; r < n; r++) {
                    int b = off + r * d;
                    for (int j = 0; j < d; j++) x[b + j] = (x[b + j] - offset[j]) * scale[j];
                }
        }
    }

    /** A transformed copy of one row. */
    public float[] apply(float[] row) {
        float[] c = row.clone();
        applyInPlace(c, 0, 1, c.length);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Preprocessing)) return false;
        Preprocessing p = (Preprocessing) o;
        return kind == p.kind && Arrays.equals(offset, p.offset) && Arrays.equals(scale, p.scale);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(offset) * 17 + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        switch (kind) {
            case NONE: return "none";
            case DIVIDE: return "divide by " + String.format(java.util.Locale.ROOT, "%.6g", 1.0 / scale[0]).replaceAll("\\.?0+$", "");
            default: return kind.name().toLowerCase(java.util.Locale.ROOT) + " over " + offset.length + " features";
        }
    }
}
