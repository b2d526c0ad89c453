package simdae.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.train.Checkpoint;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;
import simdae.engine.train.TrainingListener;

/**
 * Trains an autoencoder from arrays in code and returns a ready {@link AnomalyDetector}:
 *
 * <pre>{@code
 * AnomalyDetector d = AutoencoderTrainer.of(784, 128, 64, 32)
 *         .epochs(10).divideBy(255).percentile(99)
 *         .listener(myProgress)
 *         .fit(trainingRows);
 * }</pre>
 *
 * <p>Defaults are the notebook's: ReLU hidden layers, sigmoid output, Adam (lr 0.001), MSE, batch 256, 10 epochs,
 * no preprocessing, threshold 0.01. The preprocessing is fitted on the training data only and stored in the model.
 *
 * <p><b>Memory.</b> {@link #trainInPlace} needs about {@code 4·n·d} bytes for the {@code n × d} training set (held
 * once, the caller's array) {@code + 4·n} (shuffle order) {@code + 20·P} (parameters, gradients, Adam moments,
 * transposed weights) {@code + 8·B·Σwidths} (activations and deltas of a batch of {@code B}); see {@link Trainer}.
 * The threshold calibration after training needs up to {@code 20·n} more (the errors and sorted copies of them). {@link #train} and {@link #fit} keep the caller's rows unchanged and so add a second
 * {@code 4·n·d}: for 20,000 MNIST rows that is 63 MB more, the difference between fitting in {@code -Xmx128m} or not.
 */
public final class AutoencoderTrainer {

    /** How raw inputs are scaled before the network. */
    public enum Scaling {
        /** Use the values as they are. */
        NONE,
        /** Divide by a constant ({@link #divideBy(float)}). */
        DIVIDE,
        /** Per-feature min-max to [0, 1], fitted on the training data. */
        MINMAX,
        /** Per-feature z-score, fitted on the training data. */
        ZSCORE
    }

    private final int inputSize;
    private final int[] encoder;
    private TrainConfig config = TrainConfig.defaults();
    private Scaling scaling = Scaling.NONE;
    private float divisor = 1f;
    private Threshold.Rule rule = Threshold.Rule.FIXED;
    private double ruleParameter = 0.01;
    private TrainingListener listener = TrainingListener.NONE;
    private Kernels kernels = KernelProvider.get();
    private float[] validation;
    private int validationRows;
    private Path checkpointDir;
    private boolean resume;

    private AutoencoderTrainer(int inputSize, int[] encoder) {
        if (inputSize < 1) throw new IllegalArgumentException("input size must be positive");
        if (encoder.length == 0) throw new IllegalArgumentException("give at least one encoder width, e.g. of(784, 128, 64, 32)");
        this.inputSize = inputSize;
        this.encoder = encoder.clone();
    }

    /** An autoencoder {@code inputSize - encoder... - mirrored - inputSize}. */
    public static AutoencoderTrainer of(int inputSize, int... encoder) {
        return new AutoencoderTrainer(inputSize, encoder);
    }

    /** Epochs (default 10). */
    public AutoencoderTrainer epochs(int epochs) { config = config.withEpochs(epochs); return this; }

    /** Batch size (default 256). */
    public AutoencoderTrainer batchSize(int batch) { config = config.withBatchSize(batch); return this; }

    /** Adam learning rate (default 0.001). */
    public AutoencoderTrainer learningRate(float lr) { config = config.withLearningRate(lr); return this; }

    /** Seed of weights and shuffles (default 42). */
    public AutoencoderTrainer seed(long seed) { config = config.withSeed(seed); return this; }

    /** Training threads (default: all cores). */
    public AutoencoderTrainer threads(int threads) { config = config.withThreads(threads); return this; }

    /** Kernels to train and score with (default: the JVM's choice). */
    public AutoencoderTrainer kernels(Kernels k) { kernels = Objects.requireNonNull(k); return this; }

    /** Divide raw inputs by {@code divisor} (255 for 8-bit pixels). */
    public AutoencoderTrainer divideBy(float divisor) { scaling = Scaling.DIVIDE; this.divisor = divisor; return this; }

    /** Scale inputs with a transform fitted on the training data. */
    public AutoencoderTrainer scaling(Scaling s) { scaling = Objects.requireNonNull(s); return this; }

    /** Fixed threshold (default 0.01). */
    public AutoencoderTrainer threshold(double value) { rule = Threshold.Rule.FIXED; ruleParameter = value; return this; }

    /** Threshold at the {@code p}-th percentile of the training errors. */
    public AutoencoderTrainer percentile(double p) { rule = Threshold.Rule.PERCENTILE; ruleParameter = p; return this; }

    /** Threshold such that a fraction {@code c} of training samples is flagged (PyOD's contamination). */
    public AutoencoderTrainer contamination(double c) { rule = Threshold.Rule.CONTAMINATION; ruleParameter = c; return this; }

    /** Threshold at mean + k·std of the training errors. */
    public AutoencoderTrainer sigma(double k) { rule = Threshold.Rule.SIGMA; ruleParameter = k; return this; }

    /** Progress callbacks. */
    public AutoencoderTrainer listener(TrainingListener l) { listener = l == null ? TrainingListener.NONE : l; return this; }

    /**
     * Writes a checkpoint into {@code dir} at the end of every epoch (weights, Adam state, epoch, curve so far),
     * atomically, replacing the previous one. With {@code resume}, a checkpoint already in {@code dir} is continued
     * from: the result is bitwise identical to an uninterrupted run with the same seed, data and thread count. A
     * checkpoint of another architecture, seed or batch size is refused.
     */
    public AutoencoderTrainer checkpoints(Path dir, boolean resume) {
        this.checkpointDir = dir;
        this.resume = resume;
        return this;
    }

    /** Validation rows (raw), scored with val_loss every epoch. */
    public AutoencoderTrainer validation(float[][] rows) {
        validation = flatten(rows);
        validationRows = rows.length;
        return this;
    }

    /** Validation rows (raw), {@code n} of them row-major in {@code flat} (copied). */
    public AutoencoderTrainer validation(float[] flat, int n) {
        if (flat.length < (long) n * inputSize) throw new IllegalArgumentException("expected " + n + " × " + inputSize + " validation values, got " + flat.length);
        validation = Arrays.copyOf(flat, n * inputSize);
        validationRows = n;
        return this;
    }

    /** The configuration that {@link #fit} will use. */
    public TrainConfig config() { return config; }

    /** Trains on raw rows and returns the detector. */
    public AnomalyDetector fit(float[][] rows) {
        return fit(flatten(rows), rows.length);
    }

    /** Trains on {@code n} raw rows stored row-major in {@code flat} (left unchanged). */
    public AnomalyDetector fit(float[] flat, int n) {
        return AnomalyDetector.of(train(flat, n), kernels);
    }

    /**
     * Trains and returns the model itself (to save it, or inspect it). {@code flat} is left unchanged, which costs a
     * copy of the training set ({@code n × inputSize × 4} bytes); {@link #trainInPlace} avoids it.
     */
    public TrainedModel train(float[] flat, int n) {
        check(flat, n);
        return trainInPlace(Arrays.copyOf(flat, n * inputSize), n);
    }

    /**
     * As {@link #train}, but preprocesses the first {@code n} rows of {@code flat} in place and trains on them there,
     * so the training set is held once: afterwards {@code flat} holds the scaled values. Training then needs about
     * {@code 4·n·d + 4·n + 20·P + 8·batch·Σwidths} bytes of heap (see {@link Trainer}), then up to {@code 20·n} to
     * calibrate the threshold.
     */
    public TrainedModel trainInPlace(float[] flat, int n) {
        check(flat, n);
        float[] x = flat;
        Preprocessing pre = fitPreprocessing(x, n);
        pre.applyInPlace(x, 0, n, inputSize);
        float[] val = null;
        if (validation != null) {
            val = validation.clone();
            pre.applyInPlace(val, 0, validationRows, inputSize);
        }
        Network net = Network.autoencoder(inputSize, encoder).initGlorot(config.seed());
        List<EpochResult> history;
        try (Trainer t = new Trainer(net, config, kernels)) {
            TrainingListener l = listener;
            if (checkpointDir != null) {
                try {
                    if (resume && Checkpoint.exists(checkpointDir)) Checkpoint.load(checkpointDir).restoreInto(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
                l = Checkpoint.everyEpoch(checkpointDir, t, listener);
            }
            history = t.fit(x, n, val, validationRows, l);
        }
        float[] err = new float[n];
        Scorer.errors(net, kernels, x, 0, n, err, 0);
        ErrorStats stats = ErrorStats.of(err);
        Threshold th = calibrate(err, stats);
        double[] loss = history.stream().mapToDouble(EpochResult::loss).toArray();
        double[] valLoss = history.stream().mapToDouble(EpochResult::valLoss).toArray();
        double[] secs = history.stream().mapToDouble(EpochResult::seconds).toArray();
        TrainingInfo info = new TrainingInfo(config.epochs(), config.batchSize(), config.learningRate(), config.seed(),
                config.threads(), kernels.name() + "-" + kernels.laneWidth(), Version.get(), System.currentTimeMillis(), n,
                loss, valLoss, secs);
        return new TrainedModel(net, pre, th, info);
    }

    private void check(float[] flat, int n) {
        if (n < 1) throw new IllegalArgumentException("no training rows");
        if (flat.length < (long) n * inputSize) throw new IllegalArgumentException("expected " + n + " × " + inputSize + " values, got " + flat.length);
    }

    private Preprocessing fitPreprocessing(float[] x, int n) {
        switch (scaling) {
            case DIVIDE: return Preprocessing.divide(divisor);
            case MINMAX: return Preprocessing.fitMinMax(x, n, inputSize);
            case ZSCORE: return Preprocessing.fitZScore(x, n, inputSize);
            default: return Preprocessing.none();
        }
    }

    private Threshold calibrate(float[] err, ErrorStats stats) {
        switch (rule) {
            case PERCENTILE:
                return new Threshold(rule, ruleParameter, ErrorStats.percentile(err, err.length, ruleParameter), stats);
            case CONTAMINATION:
                return new Threshold(rule, ruleParameter, ErrorStats.percentile(err, err.length, 100 * (1 - ruleParameter)), stats);
            case SIGMA:
                return new Threshold(rule, ruleParameter, stats.mean() + ruleParameter * stats.std(), stats);
            default:
                return Threshold.fixed(ruleParameter, stats);
        }
    }

    private float[] flatten(float[][] rows) {
        float[] flat = new float[Math.multiplyExact(rows.length, inputSize)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != inputSize) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + inputSize);
            System.arraycopy(rows[i], 0, flat, i * inputSize, inputSize);
        }
        return flat;
    }
}
