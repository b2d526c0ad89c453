package simdae.engine.nn;

/**
 * Element-wise activation applied after a dense layer's affine map.
 *
 * <p>The derivative is always expressed through the layer's <em>output</em> {@code y = f(z)}, so backward
 * passes never need to keep the pre-activation {@code z} around: one buffer per layer is enough.
 */
public enum Activation {
    /** {@code max(0, z)}. */
    RELU(1),
    /** {@code 1 / (1 + exp(-z))}. */
    SIGMOID(2),
    /** {@code tanh(z)}. */
    TANH(3),
    /** Identity. */
    LINEAR(4);

    /** Stable code used by the weights format; never renumber. */
    public final int code;

    Activation(int code) {
        this.code = code;
    }

    /** Applies the activation to one value (the scalar reference). */
    public float apply(float z) {
        switch (this) {
            case RELU: return Math.max(z, 0f); // NaN stays NaN, so divergence is seen
            case SIGMOID: return (float) (1.0 / (1.0 + Math.exp(-z)));
            case TANH: return (float) Math.tanh(z);
            default: return z;
        }
    }

    /** {@code f'(z)} written in terms of {@code y = f(z)}. */
    public float derivativeFromOutput(float y) {
        switch (this) {
            case RELU: return y > 0f ? 1f : 0f;
            case SIGMOID: return y * (1f - y);
            case TANH: return 1f - y * y;
            default: return 1f;
        }
    }

    /** The activation with the given format code. */
    public static Activation fromCode(int code) {
        for (Activation a : values()) {
            if (a.code == code) return a;
        }
        throw new IllegalArgumentException("unknown activation code " + code);
    }

    /** Parses a name such as {@code relu} (case-insensitive). */
    public static Activation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (expected relu, sigmoid, tanh or linear)");
        }
    }
}
