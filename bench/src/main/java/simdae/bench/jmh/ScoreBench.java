package simdae.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import simdae.bench.EpochHarness;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Preprocessing;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.parallel.WorkerPool;

/**
 * Inference with the notebook's model (Glorot weights: timing does not depend on the values):
 * <ul>
 *   <li>{@code latency}: {@code AnomalyDetector.score(float[784])}, one raw image, µs per call (includes the ÷255
 *       preprocessing and the per-call scratch allocation, i.e. the public API as an application calls it);</li>
 *   <li>{@code throughput10k}: reconstruction errors of 10,000 preprocessed images with {@code Scorer.errors},
 *       rows split across {@code threads} workers; the {@code images} counter gives images/s.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Thread)
public class ScoreBench {
    private static final int IMAGES = 10_000;

    /** Kernel set. */
    @Param({"vector", "scalar"})
    public String kernels;

    /** Scoring threads for {@code throughput10k} ({@code max} = every core); {@code latency} is always one thread. */
    @Param({"1", "max"})
    public String threads;

    private AnomalyDetector detector;
    private Network net;
    private Kernels k;
    private WorkerPool pool;
    private float[] image;
    private float[] batch;
    private float[] err;
    private long flopPerImage;

    /** Model, one raw image (0–255) and 10,000 preprocessed ones. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        k = Support.kernels(kernels);
        net = Network.autoencoder(784, 128, 64, 32).initGlorot(42);
        detector = AnomalyDetector.of(new TrainedModel(net, Preprocessing.divide(255f), null, null), k);
        float[] raw = EpochHarness.synthetic(1, 784, 3);
        image = new float[784];
        for (int i = 0; i < 784; i++) image[i] = raw[i] * 255f;
        batch = EpochHarness.synthetic(IMAGES, 784, 4);
        err = new float[IMAGES];
        int t = Support.threads(threads);
        pool = t > 1 ? new WorkerPool(t) : null;
        for (int l = 0; l < net.layers(); l++) flopPerImage += 2L * net.in(l) * net.out(l);
    }

    /** Stops the scoring workers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) pool.close();
    }

    /** Batch-1 scoring latency through the public API. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float latency(Flops c, Images im) {
        im.images++;
        c.flops += flopPerImage;
        return detector.score(image);
    }

    /** 10,000 images per call. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[] throughput10k(Flops c, Images im) {
        Scorer.errors(net, k, batch, 0, IMAGES, err, 0, pool);
        im.images += IMAGES;
        c.flops += flopPerImage * IMAGES;
        return err;
    }
}
