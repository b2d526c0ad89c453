package simdae.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import simdae.engine.data.Preprocessing;
import simdae.engine.format.ModelFile;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;

/**
 * Scores samples with a trained autoencoder: the reconstruction error {@code mean((x - x̂)²)} of each sample, and
 * whether it is above the model's threshold.
 *
 * <p>Inputs are raw features (e.g. pixels 0–255): the preprocessing stored in the model is applied inside. A detector
 * is immutable and safe to use from many threads at once; every call works on its own scratch.
 *
 * <pre>{@code
 * AnomalyDetector detector = AnomalyDetector.load(Path.of("weights/mnist.sae"));
 * float error = detector.score(pixels);          // 784 raw pixel values
 * boolean odd = detector.isAnomaly(pixels);
 * }</pre>
 */
public final class AnomalyDetector {
    private final TrainedModel model;
    private final Network network;
    private final Preprocessing pre;
    private final Kernels kernels;
    private final double threshold;

    private AnomalyDetector(TrainedModel model, Kernels kernels) {
        if (model.network().inputSize() != model.network().outputSize()) {
            throw new IllegalArgumentException("not an autoencoder: " + model.network().describe());
        }
        this.model = model;
        this.network = model.network();
        this.pre = model.preprocessing();
        this.kernels = kernels;
        this.threshold = model.threshold().value();
    }

    /**
     * Loads a model file ({@code .sae}) and scores with the JVM's default kernels.
     *
     * @throws simdae.engine.format.ModelFormatException when the file is not a valid simdae model (one-line message
     *                                                   naming the file and what is wrong)
     * @throws IOException when the file cannot be read
     */
    public static AnomalyDetector load(Path path) throws IOException {
        return of(ModelFile.load(path).model());
    }

    /** As {@link #load(Path)}, from a stream (e.g. a class-path resource); reads exactly the model's bytes. */
    public static AnomalyDetector load(InputStream in) throws IOException {
        return of(ModelFile.load(in).model());
    }

    /** As {@link #load(Path)}, from the bytes of one model file. */
    public static AnomalyDetector load(byte[] modelBytes) throws IOException {
        return of(ModelFile.load(modelBytes).model());
    }

    /** As {@link #load(Path)}, reading through a read-only memory map instead of a heap copy of the file. */
    public static AnomalyDetector map(Path path) throws IOException {
        return of(ModelFile.map(path).model());
    }

    /** A detector over an in-memory model, with the JVM's default kernels. The model must not be trained further. */
    public static AnomalyDetector of(TrainedModel model) {
        return new AnomalyDetector(model, KernelProvider.get());
    }

    /** As {@link #of(TrainedModel)} with explicit kernels (e.g. {@link KernelProvider#scalar()}). */
    public static AnomalyDetector of(TrainedModel model, Kernels kernels) {
        return new AnomalyDetector(model, kernels);
    }

    /** Width of one sample. */
    public int inputSize() {
        return network.inputSize();
    }

    /** The detection threshold: errors strictly above it are anomalies. */
    public double threshold() {
        return threshold;
    }

    /** The threshold with the rule and statistics it came from. */
    public Threshold thresholdInfo() {
        return model.threshold();
    }

    /** The underlying model (do not modify its parameters). */
    public TrainedModel model() {
        return model;
    }

    /** The kernels this detector scores with. */
    public Kernels kernels() {
        return kernels;
    }

    /** A detector with the same network and another threshold value. */
    public AnomalyDetector withThreshold(double value) {
        return new AnomalyDetector(model.withThreshold(Threshold.fixed(value, model.threshold().calibration())), kernels);
    }

    /**
     * Reconstruction error of one raw sample.
     *
     * @throws IllegalArgumentException when {@code x.length != inputSize()}
     */
    public float score(float[] x) {
        check(x.length, 1);
        float[] in = x.clone();
        pre.applyInPlace(in, 0, 1, in.length);
        float[] err = new float[1];
        Scorer.errors(network, kernels, in, 0, 1, err, 0);
        return err[0];
    }

    /** True when {@link #score(float[])} is above {@link #threshold()}. */
    public boolean isAnomaly(float[] x) {
        return score(x) > threshold;
    }

    /** Reconstruction errors of many raw samples, one per row. */
    public float[] score(float[][] rows) {
        int d = inputSize();
        float[] flat = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, the model takes " + d);
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return scoreInPlace(flat, rows.length);
    }

    /** Reconstruction errors of {@code n} raw samples stored row-major in {@code flat} (left unchanged). */
    public float[] score(float[] flat, int n) {
        check(flat.length, n);
        return scoreInPlace(java.util.Arrays.copyOf(flat, n * inputSize()), n);
    }

    /** Anomaly flags of many raw samples. */
    public boolean[] isAnomaly(float[][] rows) {
        float[] e = score(rows);
        boolean[] f = new boolean[e.length];
        for (int i = 0; i < e.length; i++) f[i] = e[i] > threshold;
        return f;
    }

    /**
     * Scores {@code n} samples in place: {@code flat} is overwritten with the preprocessed values. The cheapest
     * call for large batches (no copy).
     */
    public float[] scoreInPlace(float[] flat, int n) {
        check(flat.length, n);
        pre.applyInPlace(flat, 0, n, inputSize());
        float[] err = new float[n];
        Scorer.errors(network, kernels, flat, 0, n, err, 0);
        return err;
    }

    /** The reconstruction of one raw sample, in the preprocessed space the network works in. */
    public float[] reconstruct(float[] x) {
        check(x.length, 1);
        float[] in = pre.apply(x);
        float[] out = new float[in.length];
        Scorer.reconstruct(network, kernels, in, 0, 1, out, 0);
        return out;
    }

    private void check(int length, int n) {
        int d = inputSize();
        if (n < 0 || (long) n * d > length || (n == 1 && length != d)) {
            throw new IllegalArgumentException("expected " + (n == 1 ? "" : n + " × ") + d + " values, got " + length
                    + " (the model takes " + d + " features per sample)");
        }
    }

    @Override
    public String toString() {
        return "AnomalyDetector[" + network.describe() + ", threshold " + model.threshold().describe() + ", kernels " + kernels.name() + "]";
    }
}
