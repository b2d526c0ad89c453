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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import simdae.bench.EpochHarness;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Preprocessing;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;

/**
 * Batch-1 scoring latency through the public API: {@code AnomalyDetector.score(float[784])} on one raw (0–255)
 * image, µs per call. Includes the ÷255 preprocessing and the per-call scratch allocation, i.e. exactly what an
 * application pays per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Thread)
public class LatencyBench {
    /** Kernel set. */
    @Param({"vector", "scalar"})
    public String kernels;

    private AnomalyDetector detector;
    private float[] image;
    private long flopPerImage;

    /** The notebook's model behind a detector, and one raw image. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        Network net = Network.autoencoder(784, 128, 64, 32).initGlorot(42);
        detector = AnomalyDetector.of(new TrainedModel(net, Preprocessing.divide(255f), null, null), Support.kernels(kernels));
        float[] raw = EpochHarness.synthetic(1, 784, 3);
        image = new float[784];
        for (int i = 0; i < 784; i++) image[i] = raw[i] * 255f;
        for (int l = 0; l < net.layers(); l++) flopPerImage += 2L * net.in(l) * net.out(l);
    }

    /** One {@code score(float[784])}. */
    @Benchmark
    public float score(Flops c) {
        c.flops += flopPerImage;
        return detector.score(image);
    }
}
