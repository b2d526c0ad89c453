package simdae.spark;

import java.util.Map;
import simdae.engine.data.Preprocessing;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.train.Trainer;

/**
 * One partition's share of a training step, on an executor: gathers this step's rows of the partition's shuffled
 * order, preprocesses them, and computes the gradient of the global mini-batch's MSE restricted to them, with the
 * same kernel calls, in the same order, as the engine's {@link Trainer} (single-threaded). Summed over partitions
 * the partials are the gradient of the whole mini-batch.
 *
 * <p>Buffers and the epoch's permutation live in a small per-JVM cache keyed by training run and partition, so a step
 * allocates nothing but its result. A task that lands on a JVM without the entry rebuilds it: the permutation is a
 * function of (seed, partition, epoch) only, so the result is the same wherever the task runs.
 */
final class PartitionGradient {
    private static final int CAPACITY = 64;
    private static final Map<String, PartitionGradient> CACHE = Lru.of(CAPACITY);

    private final Network net;
    private final Preprocessing pre;
    private final Kernels k;
    private final int layers;
    private final int[] dims;
    private final float[] wt;
    private final float[][] act;
    private final float[][] dz;
    private final double[] rowSse;
    private final int[] perm;
    private final long seed;
    private final int partition;
    private int permEpoch = -1;

    private PartitionGradient(NetworkSpec spec, Kernels k, int rows, int maxBatch, long seed, int partition) {
        this.net = spec.network(null);
        this.pre = spec.preprocessing();
        this.k = k;
        this.layers = net.layers();
        this.dims = net.dims();
        this.wt = new float[net.parameterCount()];
        act = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) act[l] = new float[maxBatch * dims[l]];
        dz = new float[layers][];
        for (int l = 0; l < layers; l++) dz[l] = new float[maxBatch * dims[l + 1]];
        rowSse = new double[maxBatch];
        perm = new int[rows];
        this.seed = seed;
        this.partition = partition;
    }

    /** The cached worker of {@code (run, partition)}, created on first use in this JVM. */
    static PartitionGradient of(String run, int partition, NetworkSpec spec, Kernels k, int rows, int maxBatch, long seed) {
        String key = run + '/' + partition;
        synchronized (CACHE) {
            PartitionGradient g = CACHE.get(key);
            if (g == null) {
                g = new PartitionGradient(spec, k, rows, maxBatch, seed, partition);
                CACHE.put(key, g);
            }
            return g;
        }
    }

    /** Drops the cached workers of a finished run in this JVM. */
    static void forget(String run) {
        synchronized (CACHE) {
            CACHE.keySet().removeIf(key -> key.startsWith(run + '/'));
        }
    }

    /**
     * The shuffle of this partition in {@code epoch}. Partition 0 uses exactly the engine's generator for the seed,
     * so one partition replays single-JVM training; others get independent streams.
     */
    static void permutation(int[] perm, long seed, int partition, int epoch, boolean shuffle) {
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        if (shuffle) Trainer.epochRng(seed + 0x9E3779B97F4A7C15L * partition, epoch).shuffle(perm);
    }

    /**
     * Rows {@code [from, to)} of this epoch's order of {@code block}, as part of a mini-batch of {@code batchRows}
     * rows in all partitions: writes the partial gradient to {@code grad} and returns the rows' sum of squared errors.
     */
    double gradient(float[] block, float[] params, int epoch, int from, int to, int batchRows, float[] grad) {
        synchronized (this) { // a speculative copy of the same task must not share the buffers concurrently
            if (permEpoch != epoch) {
                permutation(perm, seed, partition, epoch, true);
                permEpoch = epoch;
            }
            System.arraycopy(params, 0, net.params(), 0, params.length);
            for (int l = 1; l < layers; l++) {
                k.transpose(net.params(), net.weightOffset(l), wt, net.weightOffset(l), dims[l], dims[l + 1], 0, dims[l]);
            }
            int rows = to - from;
            int in = dims[0], outW = dims[layers];
            float[] x0 = act[0];
            for (int r = 0; r < rows; r++) System.arraycopy(block, perm[from + r] * in, x0, r * in, in);
            pre.applyInPlace(x0, 0, rows, in);
            float[] p = net.params();
            for (int l = 0; l < layers; l++) {
                k.denseForward(act[l], 0, p, net.weightOffset(l), net.biasOffset(l), act[l + 1], 0, 0, rows, dims[l], dims[l + 1], net.activation(l));
            }
            // The mean over the whole mini-batch (all partitions), so partials just add up to the batch gradient.
            float lossScale = 2f / ((float) batchRows * outW);
            k.mseBackward(act[layers], 0, x0, 0, dz[layers - 1], 0, rowSse, 0, rows, outW, lossScale, net.activation(layers - 1));
            for (int l = layers - 1; l >= 1; l--) {
                k.denseBackwardInput(dz[l], 0, wt, net.weightOffset(l), act[l], 0, dz[l - 1], 0, 0, rows, dims[l], dims[l + 1], net.activation(l - 1));
            }
            for (int l = 0; l < layers; l++) {
                int inL = dims[l], out = dims[l + 1];
                k.weightGradient(act[l], 0, dz[l], 0, grad, net.weightOffset(l), rows, inL, out, 0, inL);
                k.biasGradient(dz[l], 0, grad, net.biasOffset(l), rows, out, 0, out);
            }
            double sse = 0;
            for (int r = 0; r < rows; r++) sse += rowSse[r];
            return sse;
        }
    }
}
