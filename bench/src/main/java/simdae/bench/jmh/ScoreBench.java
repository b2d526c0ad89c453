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
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.parallel.WorkerPool;

/**
 * Scoring throughput with the notebook's model (Glorot weights: timing does not depend on the values): the
 * reconstruction errors of 10,000 preprocessed images with {@code Scorer.errors}, rows split across {@code threads}
 * workers; the {@code images} counter gives images/s. Batch-1 latency is {@link LatencyBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
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

    /** Scoring threads ({@code max} = every core). */
    @Param({"1", "max"})
    public String threads;

    private Network net;
    private Kernels k;
    private WorkerPool pool;
    private float[] batch;
    private float[] err;
    private long flopPerImage;

    /** Model and 10,000 preprocessed images. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        k = Support.kernels(kernels);
        net = Network.autoencoder(784, 128, 64, 32).initGlorot(42);
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

    /** 10,000 images per call. */
    @Benchmark
    public float[] throughput10k(Flops c, Images im) {
        Scorer.errors(net, k, batch, 0, IMAGES, err, 0, pool);
        im.images += IMAGES;
        c.flops += flopPerImage * IMAGES;
        return err;
    }
}
