package simdae.engine.train;

import simdae.engine.kernel.KernelProvider;

/**
 * Hyper-parameters of a training run. Defaults are the notebook's (Keras): 10 epochs, batch 256, Adam with
 * lr 0.001, β1 0.9, β2 0.999, ε 1e-7, shuffled every epoch. Immutable; {@code with*} methods return copies.
 */
public final class TrainConfig {
    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final long seed;
    private final int threads;
    private final boolean shuffle;

    private TrainConfig(int epochs, int batchSize, float learningRate, float beta1, float beta2, float epsilon,
                        long seed, int threads, boolean shuffle) {
        if (epochs < 0) throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        if (!(beta1 >= 0f && beta1 < 1f)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0f && beta2 < 1f)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(epsilon > 0f)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.seed = seed;
        this.threads = threads;
        this.shuffle = shuffle;
    }

    /** The notebook's defaults, seed 42, all cores (or {@code simdae.threads}). */
    public static TrainConfig defaults() {
        return new TrainConfig(10, 256, 1e-3f, 0.9f, 0.999f, 1e-7f, 42L, KernelProvider.defaultThreads(), true);
    }

    /** Number of passes over the training set. */
    public int epochs() { return epochs; }

    /** Samples per mini-batch (the last batch of an epoch may be smaller). */
    public int batchSize() { return batchSize; }

    /** Adam's learning rate. */
    public float learningRate() { return learningRate; }

    /** Adam's first-moment decay. */
    public float beta1() { return beta1; }

    /** Adam's second-moment decay. */
    public float beta2() { return beta2; }

    /** Adam's ε (Keras: 1e-7). */
    public float epsilon() { return epsilon; }

    /** Seed of the initial weights and of the per-epoch shuffles. */
    public long seed() { return seed; }

    /** Threads used for training. */
    public int threads() { return threads; }

    /** Whether the training set is reshuffled every epoch. */
    public boolean shuffle() { return shuffle; }

    /** A copy with {@code epochs}. */
    public TrainConfig withEpochs(int v) { return new TrainConfig(v, batchSize, learningRate, beta1, beta2, epsilon, seed, threads, shuffle); }

    /** A copy with {@code batchSize}. */
    public TrainConfig withBatchSize(int v) { return new TrainConfig(epochs, v, learningRate, beta1, beta2, epsilon, seed, threads, shuffle); }

    /** A copy with {@code learningRate}. */
    public TrainConfig withLearningRate(float v) { return new TrainConfig(epochs, batchSize, v, beta1, beta2, epsilon, seed, threads, shuffle); }

    /** A copy with Adam's betas and epsilon. */
    public TrainConfig withAdam(float b1, float b2, float eps) { return new TrainConfig(epochs, batchSize, learningRate, b1, b2, eps, seed, threads, shuffle); }

    /** A copy with {@code seed}. */
    public TrainConfig withSeed(long v) { return new TrainConfig(epochs, batchSize, learningRate, beta1, beta2, epsilon, v, threads, shuffle); }

    /** A copy with {@code threads}. */
    public TrainConfig withThreads(int v) { return new TrainConfig(epochs, batchSize, learningRate, beta1, beta2, epsilon, seed, v, shuffle); }

    /** A copy with shuffling on or off. */
    public TrainConfig withShuffle(boolean v) { return new TrainConfig(epochs, batchSize, learningRate, beta1, beta2, epsilon, seed, threads, v); }

    @Override
    public String toString() {
        return "epochs=" + epochs + " batch=" + batchSize + " lr=" + learningRate + " seed=" + seed + " threads=" + threads;
    }
}
