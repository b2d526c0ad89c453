package simdae.engine.nn;

import java.util.Arrays;
import simdae.engine.util.SplitMix64;

/**
 * A stack of dense layers whose parameters all live in one flat {@code float[]}.
 *
 * <p>Layer {@code l} maps {@code dims[l]} inputs to {@code dims[l+1]} outputs. Its weights are stored row-major as
 * {@code [in][out]} at {@link #weightOffset(int)}, followed by its {@code out} biases at {@link #biasOffset(int)}.
 * Gradients and optimizer moments use exactly the same layout in arrays of {@link #parameterCount()} floats, so an
 * optimizer is a single loop over flat arrays (the llm.c layout).
 *
 * <p>The architecture is immutable; the parameter values are not (training writes them in place). Readers that share
 * a network across threads must not train it at the same time.
 */
public final class Network {
    private final int[] dims;
    private final Activation[] activations;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final float[] params;

    /**
     * A network with the given layer widths and one activation per layer, parameters all zero.
     *
     * @param dims layer widths, input first: {@code dims.length - 1} layers
     * @param activations one activation per layer
     */
    public Network(int[] dims, Activation[] activations) {
        if (dims.length < 2) throw new IllegalArgumentException("a network needs at least one layer (two widths)");
        if (activations.length != dims.length - 1) {
            throw new IllegalArgumentException("need " + (dims.length - 1) + " activations, got " + activations.length);
        }
        this.dims = dims.clone();
        this.activations = activations.clone();
        int layers = dims.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        long off = 0;
        for (int l = 0; l < layers; l++) {
            if (dims[l] <= 0 || dims[l + 1] <= 0) throw new IllegalArgumentException("layer widths must be positive: " + Arrays.toString(dims));
            if (activations[l] == null) throw new IllegalArgumentException("activation of layer " + l + " is null");
            weightOffsets[l] = (int) off;
            off += (long) dims[l] * dims[l + 1];
            biasOffsets[l] = (int) off;
            off += dims[l + 1];
            if (off > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("too many parameters: " + off);
        }
        params = new float[(int) off];
    }

    /**
     * The autoencoder {@code d - e1 - ... - ek - ... - e1 - d}: ReLU on every hidden layer, sigmoid on the output.
     * {@code autoencoder(784, 128, 64, 32)} is the notebook's model.
     */
    public static Network autoencoder(int inputDim, int... encoder) {
        if (encoder.length == 0) throw new IllegalArgumentException("an autoencoder needs at least one encoder width");
        int[] dims = new int[2 * encoder.length + 1];
        dims[0] = inputDim;
        for (int i = 0; i < encoder.length; i++) {
            dims[1 + i] = encoder[i];
            dims[dims.length - 2 - i] = encoder[i];
        }
        dims[dims.length - 1] = inputDim;
        Activation[] acts = new Activation[dims.length - 1];
        Arrays.fill(acts, Activation.RELU);
        acts[acts.length - 1] = Activation.SIGMOID;
        return new Network(dims, acts);
    }

    /** A general multilayer perceptron; same as the constructor, named for readability. */
    public static Network mlp(int[] dims, Activation... activations) {
        return new Network(dims, activations);
    }

    /**
     * Glorot-uniform weights ({@code U(-a, a)}, {@code a = sqrt(6 / (in + out))}) and zero biases, drawn in layer
     * order from a {@link SplitMix64} seeded with {@code seed}.
     *
     * @return this network
     */
    public Network initGlorot(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        for (int l = 0; l < layers(); l++) {
            int in = dims[l], out = dims[l + 1];
            float limit = (float) Math.sqrt(6.0 / (in + out));
            int w = weightOffsets[l];
            for (int i = 0; i < in * out; i++) params[w + i] = (2f * rng.nextFloat() - 1f) * limit;
            Arrays.fill(params, biasOffsets[l], biasOffsets[l] + out, 0f);
        }
        return this;
    }

    /** Number of dense layers. */
    public int layers() {
        return dims.length - 1;
    }

    /** Width of the input. */
    public int inputSize() {
        return dims[0];
    }

    /** Width of the output. */
    public int outputSize() {
        return dims[dims.length - 1];
    }

    /** Inputs of layer {@code l}. */
    public int in(int l) {
        return dims[l];
    }

    /** Outputs of layer {@code l}. */
    public int out(int l) {
        return dims[l + 1];
    }

    /** A copy of the layer widths, input first. */
    public int[] dims() {
        return dims.clone();
    }

    /** Activation of layer {@code l}. */
    public Activation activation(int l) {
        return activations[l];
    }

    /** A copy of the activations, one per layer. */
    public Activation[] activations() {
        return activations.clone();
    }

    /** Offset of layer {@code l}'s {@code [in][out]} weights in {@link #params()}. */
    public int weightOffset(int l) {
        return weightOffsets[l];
    }

    /** Offset of layer {@code l}'s biases in {@link #params()}. */
    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    /** Total number of parameters (weights and biases). */
    public int parameterCount() {
        return params.length;
    }

    /** The live flat parameter array (not a copy). */
    public float[] params() {
        return params;
    }

    /** Parameters of layer {@code l}: {@code in*out + out}. */
    public int layerParameterCount(int l) {
        return dims[l] * dims[l + 1] + dims[l + 1];
    }

    /** Largest layer width, input included. */
    public int maxWidth() {
        int m = 0;
        for (int d : dims) m = Math.max(m, d);
        return m;
    }

    /** A deep copy: same architecture, copied parameters. */
    public Network copy() {
        Network n = new Network(dims, activations);
        System.arraycopy(params, 0, n.params, 0, params.length);
        return n;
    }

    /** True when both networks have the same widths and activations. */
    public boolean sameArchitecture(Network other) {
        return Arrays.equals(dims, other.dims) && Arrays.equals(activations, other.activations);
    }

    /** {@code 784-128-64-32-64-128-784 (relu,...,sigmoid)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(dims[i]);
        }
        sb.append(" (");
        for (int l = 0; l < activations.length; l++) {
            if (l > 0) sb.append(',');
            sb.append(activations[l].name().toLowerCase(java.util.Locale.ROOT));
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "Network[" + describe() + ", " + params.length + " params]";
    }
}
