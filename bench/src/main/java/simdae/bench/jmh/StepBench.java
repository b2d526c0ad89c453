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
import simdae.engine.nn.Network;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;

/**
 * One whole training step of the notebook's model at batch 256 ({@code Trainer.trainBatch}: gather, forward, MSE,
 * backward, Adam, weight transposes) on MNIST-shaped synthetic data. {@code threads} is the trainer's worker count
 * (the JMH harness itself is one thread).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Thread)
public class StepBench {
    private static final int BATCH = 256;
    private static final int BATCHES = 16;

    /** Kernel set. */
    @Param({"vector", "scalar"})
    public String kernels;

    /** Trainer threads ({@code max} = every core). */
    @Param({"1", "max"})
    public String threads;

    private Trainer trainer;
    private float[] x;
    private int[] order;
    private int next;
    private long flop;

    /** A fresh Glorot-initialised model and 16 batches of data to cycle through. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        Network net = Network.autoencoder(784, 128, 64, 32).initGlorot(42);
        TrainConfig cfg = TrainConfig.defaults().withThreads(Support.threads(threads)).withBatchSize(BATCH);
        trainer = new Trainer(net, cfg, Support.kernels(kernels));
        int n = BATCH * BATCHES;
        x = EpochHarness.synthetic(n, 784, 7);
        order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        flop = (long) EpochHarness.epochFlops(net, BATCH, 0);
    }

    /** Stops the trainer's workers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
    }

    /** One {@code Trainer.trainBatch} of 256 rows. */
    @Benchmark
    public double trainStep(Flops c) {
        int start = next * BATCH;
        next = (next + 1) % BATCHES;
        c.flops += flop;
        return trainer.trainBatch(x, x, order, start, BATCH);
    }
}
