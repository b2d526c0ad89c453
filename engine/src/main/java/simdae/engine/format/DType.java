package simdae.engine.format;

/**
 * How a tensor's values are stored in a model file. Codes are written to the file; never renumber them.
 *
 * <p>Whatever the stored type, loading gives {@code float} parameters, so a quantised model scores with the same
 * kernels as a freshly trained one. Biases are always stored as {@link #F32}: they are few and sensitive.
 */
public enum DType {
    /** IEEE 754 binary32, exact. */
    F32(0, "f32"),
    /** IEEE 754 binary16, round-to-nearest-even; about 3 significant decimal digits. */
    F16(1, "f16"),
    /**
     * Symmetric int8 with one f32 scale per output column of the {@code [in][out]} weight matrix:
     * {@code w ≈ q · scale[o]}, {@code scale[o] = max_i |w[i][o]| / 127}.
     */
    INT8(2, "int8");

    /** Stable code in the tensor table. */
    public final int code;
    private final String label;

    DType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The dtype with this code, or {@code null} when the code is unknown to this version. */
    public static DType fromCode(int code) {
        for (DType d : values()) if (d.code == code) return d;
        return null;
    }

    /**
     * Parses {@code f32}, {@code f16} or {@code int8} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DType parse(String name) {
        String n = name.trim();
        for (DType d : values()) if (d.label.equalsIgnoreCase(n)) return d;
        throw new IllegalArgumentException("unknown dtype '" + name + "' (expected f32, f16 or int8)");
    }

    /**
     * Bytes a {@code rows × cols} tensor of this type takes in the payload; int8 includes its {@code cols} f32
     * scales. Exact in {@code long} for any {@code int} shape.
     */
    public long byteLength(long rows, long cols) {
        switch (this) {
            case F32: return rows * cols * 4;
            case F16: return rows * cols * 2;
            default: return cols * 4 + rows * cols;
        }
    }

    /** The lower-case name used in files, docs and the CLI. */
    @Override
    public String toString() {
        return label;
    }
}
