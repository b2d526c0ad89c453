package simdae.engine;

import simdae.engine.util.SplitMix64;

/**
 * Child-JVM program for {@link TrainingMemoryTest}: builds an {@code N × D} training set (the only copy), then trains
 * one epoch on it with {@link AutoencoderTrainer#trainInPlace} ({@code inplace}) or {@link AutoencoderTrainer#train}
 * ({@code copy}). Prints {@code trained} on success.
 */
public final class MemoryProbe {
    static final int N = 20_000, D = 784;

    private MemoryProbe() {
    }

    /** Entry point: {@code inplace} or {@code copy}. */
    public static void main(String[] args) {
        float[] x = new float[N * D];
        SplitMix64 r = new SplitMix64(1);
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.floor(256 * r.nextFloat()); // raw pixels, scaled by the trainer
        AutoencoderTrainer t = AutoencoderTrainer.of(D, 32).divideBy(255).epochs(1).batchSize(256).threads(1).percentile(99);
        AnomalyDetector d = AnomalyDetector.of(args[0].equals("copy") ? t.train(x, N) : t.trainInPlace(x, N));
        System.out.println("trained " + N + "x" + D + " in -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m, threshold " + d.threshold());
    }
}
