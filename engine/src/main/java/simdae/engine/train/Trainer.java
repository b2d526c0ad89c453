package simdae.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.parallel.WorkerPool;
import simdae.engine.util.SplitMix64;

/**
 * Mini-batch training of a {@link Network} with Adam and MSE, over flat row-major float arrays.
 *
 * <p>One step is two parallel sections:
 * <ol>
 *   <li>rows of the batch split across threads: gather, forward through every layer, fused MSE gradient, and the
 *       input-gradient chain back to layer 1 — all row-local, so no barrier is needed inside;</li>
 *   <li>weight rows split across threads: {@code dW = Xᵀ·dZ}, {@code db}, Adam on exactly those parameters, and the
 *       transposed copy of the updated weights that the next step's input-gradient needs.</li>
 * </ol>
 * Every output element is summed in a fixed order whatever the split, so the trained weights are bitwise identical
 * for any thread count. After construction the steady state allocates nothing per batch.
 *
 * <p>Shuffling uses a generator seeded from {@code (seed, epoch)}, so a run resumed at an epoch boundary replays the
 * same batches as an uninterrupted one.
 *
 * <p><b>Memory.</b> The trainer reads the caller's arrays in place and never copies the training set. For {@code n}
 * samples of width {@code d}, a network of {@code P} parameters with layer widths {@code w0..wL} (input included) and
 * batch size {@code B}, training holds on the heap, in bytes:
 * <pre>
 *   4·n·d                 the training set, float32, once (the caller's array; 8·n·d when targets differ)
 * + 4·n                   the epoch's shuffle order
 * + 20·P                  parameters, gradients, Adam's two moments and a transposed copy of the weights (5 × P × 4)
 * + 4·B·(Σw + Σw − w0)    activations of every layer and the deltas of every layer but the input (≈ 8·B·Σw)
 * + O(B + threads)        per-row losses and flags
 * </pre>
 * Validation data adds its own {@code 4·nVal·d}. For example 20,000 × 784 samples, {@code 784-128-64-32-64-128-784}
 * ({@code P} = 222,384) and {@code B} = 256 need 62.7 MB + 0.1 MB + 4.4 MB + 3.3 MB ≈ 71 MB.
 * {@link simdae.engine.AutoencoderTrainer#train} adds a copy of the training set (another {@code 4·n·d}), and its
 * threshold calibration up to {@code 20·n} after training; {@link simdae.engine.AutoencoderTrainer#trainInPlace}
 * does without the copy.
 */
public final class Trainer implements AutoCloseable {
    private final Network net;
    private final TrainConfig cfg;
    private final Kernels k;
    private final WorkerPool pool;
    private final int layers;
    private final int[] dims;
    private final float[] params;
    private final float[] grad;
    private final float[] m;
    private final float[] v;
    private final float[] wt;          // transposed weights, [out][in] per layer at the layer's weight offset
    private final float[][] act;       // act[0] = batch input, act[l+1] = output of layer l; [batch][dims]
    private final float[][] dz;        // dz[l] = dLoss/dPreactivation of layer l; [batch][out_l]
    private final double[] rowSse;
    private final boolean[] finite;
    private final List<EpochResult> history = new ArrayList<>();
    private long step;
    private int epochsDone;

    // Per-step state read by the section tasks; written only by the calling thread between sections.
    private float[] srcX;
    private float[] srcT;
    private int[] order;
    private int batchStart;
    private int batchRows;
    private float lossScale;
    private float lrT;
    private final WorkerPool.Task forwardBackward = this::forwardBackward;
    private final WorkerPool.Task updateWeights = this::updateWeights;
    private final WorkerPool.Task validate = this::validateRows;
    private final WorkerPool.Task gradientsOnly = this::gradientsOnly;
    private float[] valErr;

    /** A trainer using the JVM's default kernels ({@link KernelProvider#get()}). */
    public Trainer(Network net, TrainConfig cfg) {
        this(net, cfg, KernelProvider.get());
    }

    /** A trainer with explicit kernels. Trains {@code net} in place. */
    public Trainer(Network net, TrainConfig cfg, Kernels kernels) {
        this.net = net;
        this.cfg = cfg;
        this.k = kernels;
        this.layers = net.layers();
        this.dims = net.dims();
        this.params = net.params();
        int n = net.parameterCount();
        grad = new float[n];
        m = new float[n];
        v = new float[n];
        wt = new float[n];
        int b = cfg.batchSize();
        act = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) act[l] = new float[b * dims[l]];
        dz = new float[layers][];
        for (int l = 0; l < layers; l++) dz[l] = new float[b * dims[l + 1]];
        rowSse = new double[b];
        pool = new WorkerPool(cfg.threads());
        finite = new boolean[cfg.threads()];
        valErr = new float[b];
        transposeAll();
    }

    /** The network being trained. */
    public Network network() { return net; }

    /** The configuration. */
    public TrainConfig config() { return cfg; }

    /** The kernels in use. */
    public Kernels kernels() { return k; }

    /** Adam's first moments (live array, same layout as the parameters). */
    public float[] firstMoments() { return m; }

    /** Adam's second moments (live array, same layout as the parameters). */
    public float[] secondMoments() { return v; }

    /** Adam steps taken so far. */
    public long step() { return step; }

    /** Epochs completed so far. */
    public int epochsDone() { return epochsDone; }

    /** The per-epoch results so far. */
    public List<EpochResult> history() { return Collections.unmodifiableList(history); }

    /**
     * Restores optimizer progress saved from an earlier run of the same configuration (a checkpoint): the network's
     * parameters must already hold the saved values.
     */
    public void restore(float[] firstMoments, float[] secondMoments, long steps, int epochs, List<EpochResult> past) {
        if (firstMoments.length != m.length || secondMoments.length != v.length) {
            throw new IllegalArgumentException("optimizer state has " + firstMoments.length + " values, network has " + m.length);
        }
        System.arraycopy(firstMoments, 0, m, 0, m.length);
        System.arraycopy(secondMoments, 0, v, 0, v.length);
        step = steps;
        epochsDone = epochs;
        history.clear();
        history.addAll(past);
        transposeAll();
    }

    /**
     * Trains an autoencoder: the targets are the inputs. See {@link #fit(float[], float[], int, float[], float[], int, TrainingListener)}.
     */
    public List<EpochResult> fit(float[] x, int n, float[] valX, int nVal, TrainingListener listener) {
        return fit(x, x, n, valX, valX, nVal, listener);
    }

    /**
     * Runs the remaining epochs (from {@link #epochsDone()} to the configured count).
     *
     * @param x training inputs, {@code n × inputSize} row-major
     * @param t training targets, {@code n × outputSize} (pass {@code x} for an autoencoder)
     * @param n training samples
     * @param valX validation inputs or {@code null}
     * @param valT validation targets or {@code null}
     * @param nVal validation samples
     * @param listener progress callbacks ({@link TrainingListener#NONE} for none)
     * @return every epoch's result, earlier (restored) ones included
     * @throws TrainingDivergedException when the loss or a weight stops being finite
     */
    public List<EpochResult> fit(float[] x, float[] t, int n, float[] valX, float[] valT, int nVal, TrainingListener listener) {
        int in = dims[0], outW = dims[layers];
        if (n < 1) throw new IllegalArgumentException("no training samples");
        if (x.length < (long) n * in) throw new IllegalArgumentException("training inputs hold " + x.length + " floats, need " + (long) n * in);
        if (t.length < (long) n * outW) throw new IllegalArgumentException("training targets hold " + t.length + " floats, need " + (long) n * outW);
        if (valX != null && (valX.length < (long) nVal * in || valT == null || valT.length < (long) nVal * outW)) {
            throw new IllegalArgumentException("validation arrays are smaller than " + nVal + " samples");
        }
        TrainingListener l = listener == null ? TrainingListener.NONE : listener;
        int bs = cfg.batchSize();
        int batches = (n + bs - 1) / bs;
        int[] perm = new int[n];
        while (epochsDone < cfg.epochs()) {
            long t0 = System.nanoTime();
            int e = epochsDone;
            for (int i = 0; i < n; i++) perm[i] = i;
            if (cfg.shuffle()) epochRng(cfg.seed(), e).shuffle(perm);
            double sse = 0;
            for (int bi = 0; bi < batches; bi++) {
                int start = bi * bs;
                int rows = Math.min(bs, n - start);
                double batchSse = trainBatch(x, t, perm, start, rows);
                if (!Double.isFinite(batchSse)) throw new TrainingDivergedException(e, bi, "loss is " + batchSse);
                for (boolean f : finite) {
                    if (!f) throw new TrainingDivergedException(e, bi, "a weight became NaN or infinite");
                }
                sse += batchSse;
                l.onBatch(e, bi, batches, start + rows, sse / ((double) (start + rows) * outW));
            }
            double val = valX != null && nVal > 0 ? evaluate(valX, valT, nVal) : Double.NaN;
            EpochResult r = new EpochResult(e, cfg.epochs(), sse / ((double) n * outW), val, (System.nanoTime() - t0) / 1e9, n);
            history.add(r);
            epochsDone = e + 1;
            l.onEpoch(r);
        }
        return history();
    }

    /**
     * The shuffle generator of {@code epoch} for {@code seed}, for tools that must shuffle exactly as the trainer does
     * (the Spark estimator, on the class path: {@code SplitMix64} is not exported from the module).
     */
    @SuppressWarnings("exports")
    public static SplitMix64 epochRng(long seed, int epoch) {
        return new SplitMix64(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (epoch + 1L));
    }

    /**
     * One training step on rows {@code order[start .. start+rows)} of {@code x}/{@code t}; returns the batch's sum of
     * squared errors. Public for benchmarks.
     */
    public double trainBatch(float[] x, float[] t, int[] order, int start, int rows) {
        srcX = x;
        srcT = t;
        this.order = order;
        batchStart = start;
        batchRows = rows;
        lossScale = 2f / ((float) rows * dims[layers]);
        pool.run(forwardBackward);
        step++;
        double b1t = Math.pow(cfg.beta1(), step), b2t = Math.pow(cfg.beta2(), step);
        lrT = (float) (cfg.learningRate() * Math.sqrt(1 - b2t) / (1 - b1t));
        pool.run(updateWeights);
        double sum = 0;
        for (int r = 0; r < rows; r++) sum += rowSse[r];
        srcX = srcT = null;
        this.order = null;
        return sum;
    }

    /**
     * Computes the gradient of the mean-squared-error loss on the first {@code rows} samples, without updating
     * anything: for gradient checks and tools. Returns the loss; the gradient (same layout as the parameters) is
     * copied into {@code gradOut}.
     */
    public double gradient(float[] x, float[] t, int rows, float[] gradOut) {
        if (rows > cfg.batchSize()) throw new IllegalArgumentException("rows must be <= batch size " + cfg.batchSize());
        int[] identity = new int[rows];
        for (int i = 0; i < rows; i++) identity[i] = i;
        srcX = x;
        srcT = t;
        order = identity;
        batchStart = 0;
        batchRows = rows;
        lossScale = 2f / ((float) rows * dims[layers]);
        pool.run(forwardBackward);
        pool.run(gradientsOnly);
        double sum = 0;
        for (int r = 0; r < rows; r++) sum += rowSse[r];
        System.arraycopy(grad, 0, gradOut, 0, grad.length);
        srcX = srcT = null;
        order = null;
        return sum / ((double) rows * dims[layers]);
    }

    private void gradientsOnly(int part, int parts) {
        for (int l = 0; l < layers; l++) {
            int in = dims[l], out = dims[l + 1];
            int i0 = WorkerPool.splitStart(in, part, parts, 4), i1 = WorkerPool.splitStart(in, part + 1, parts, 4);
            if (i0 < i1) k.weightGradient(act[l], 0, dz[l], 0, grad, net.weightOffset(l), batchRows, in, out, i0, i1);
            int o0 = WorkerPool.splitStart(out, part, parts, 16), o1 = WorkerPool.splitStart(out, part + 1, parts, 16);
            if (o0 < o1) k.biasGradient(dz[l], 0, grad, net.biasOffset(l), batchRows, out, o0, o1);
        }
    }

    /** Mean per-sample MSE of the network on {@code n} rows (validation loss). */
    public double evaluate(float[] x, float[] t, int n) {
        int bs = cfg.batchSize();
        double sum = 0;
        srcX = x;
        srcT = t;
        for (int start = 0; start < n; start += bs) {
            batchStart = start;
            batchRows = Math.min(bs, n - start);
            pool.run(validate);
            for (int r = 0; r < batchRows; r++) sum += valErr[r];
        }
        srcX = srcT = null;
        return sum / n;
    }

    private void forwardBackward(int part, int parts) {
        int r0 = WorkerPool.splitStart(batchRows, part, parts, 4);
        int r1 = WorkerPool.splitStart(batchRows, part + 1, parts, 4);
        if (r0 >= r1) return;
        int in = dims[0], outW = dims[layers];
        float[] x0 = act[0];
        boolean autoenc = srcT == srcX;
        float[] target = autoenc ? x0 : act[layers];
        for (int r = r0; r < r1; r++) System.arraycopy(srcX, order[batchStart + r] * in, x0, r * in, in);
        for (int l = 0; l < layers; l++) {
            k.denseForward(act[l], 0, params, net.weightOffset(l), net.biasOffset(l), act[l + 1], 0,
                    r0, r1, dims[l], dims[l + 1], net.activation(l));
        }
        if (autoenc) {
            k.mseBackward(act[layers], 0, target, 0, dz[layers - 1], 0, rowSse, r0, r1, outW, lossScale, net.activation(layers - 1));
        } else {
            // Targets of a general MLP are gathered into dz's buffer first, then overwritten by the gradient.
            float[] tb = dz[layers - 1];
            for (int r = r0; r < r1; r++) System.arraycopy(srcT, order[batchStart + r] * outW, tb, r * outW, outW);
            k.mseBackward(act[layers], 0, tb, 0, tb, 0, rowSse, r0, r1, outW, lossScale, net.activation(layers - 1));
        }
        for (int l = layers - 1; l >= 1; l--) {
            k.denseBackwardInput(dz[l], 0, wt, net.weightOffset(l), act[l], 0, dz[l - 1], 0,
                    r0, r1, dims[l], dims[l + 1], net.activation(l - 1));
        }
    }

    private void updateWeights(int part, int parts) {
        boolean ok = true;
        float b1 = cfg.beta1(), b2 = cfg.beta2(), eps = cfg.epsilon();
        for (int l = 0; l < layers; l++) {
            int in = dims[l], out = dims[l + 1];
            int i0 = WorkerPool.splitStart(in, part, parts, 4);
            int i1 = WorkerPool.splitStart(in, part + 1, parts, 4);
            int w = net.weightOffset(l);
            if (i0 < i1) {
                k.weightGradient(act[l], 0, dz[l], 0, grad, w, batchRows, in, out, i0, i1);
                k.adam(params, grad, m, v, w + i0 * out, w + i1 * out, lrT, b1, b2, eps);
                ok &= k.allFinite(params, w + i0 * out, w + i1 * out);
                if (l > 0) k.transpose(params, w, wt, w, in, out, i0, i1);
            }
            int o0 = WorkerPool.splitStart(out, part, parts, 16);
            int o1 = WorkerPool.splitStart(out, part + 1, parts, 16);
            if (o0 < o1) {
                int b = net.biasOffset(l);
                k.biasGradient(dz[l], 0, grad, b, batchRows, out, o0, o1);
                k.adam(params, grad, m, v, b + o0, b + o1, lrT, b1, b2, eps);
                ok &= k.allFinite(params, b + o0, b + o1);
            }
        }
        finite[part] = ok;
    }

    private void validateRows(int part, int parts) {
        int r0 = WorkerPool.splitStart(batchRows, part, parts, 4);
        int r1 = WorkerPool.splitStart(batchRows, part + 1, parts, 4);
        if (r0 >= r1) return;
        int in = dims[0], outW = dims[layers];
        int off = batchStart * in;
        k.denseForward(srcX, off, params, net.weightOffset(0), net.biasOffset(0), act[1], 0, r0, r1, dims[0], dims[1], net.activation(0));
        for (int l = 1; l < layers; l++) {
            k.denseForward(act[l], 0, params, net.weightOffset(l), net.biasOffset(l), act[l + 1], 0,
                    r0, r1, dims[l], dims[l + 1], net.activation(l));
        }
        k.rowMse(act[layers], 0, srcT, batchStart * outW, valErr, 0, r0, r1, outW);
    }

    private void transposeAll() {
        for (int l = 1; l < layers; l++) {
            k.transpose(params, net.weightOffset(l), wt, net.weightOffset(l), dims[l], dims[l + 1], 0, dims[l]);
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.close();
    }
}
