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
 * One training epoch over 60,000 MNIST-shaped samples at batch 256 (235 steps, the last one 96 rows), reshuffled
 * every epoch exactly as {@code Trainer.fit} does, without the validation pass. SingleShot: each measurement is one
 * epoch. Thread scaling: {@code -p threads=1,2,4,...} (run.sh passes 1 → every core).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class EpochBench {
    private static final int N = 60_000;
    private static final int BATCH = 256;

    /** Kernel set ({@code -p kernels=vector,scalar} to add the slow scalar epoch). */
    @Param({"vector"})
    public String kernels;

    /** Trainer threads ({@code max} = every core). */
    @Param({"1", "max"})
    public String threads;

    private Trainer trainer;
    private float[] x;
    private int[] perm;
    private int epoch;
    private long flop;

    /** Model, data (188 MB of floats) and trainer. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        Network net = Network.autoencoder(784, 128, 64, 32).initGlorot(42);
        TrainConfig cfg = TrainConfig.defaults().withThreads(Support.threads(threads)).withBatchSize(BATCH);
        trainer = new Trainer(net, cfg, Support.kernels(kernels));
        x = EpochHarness.synthetic(N, 784, 1);
        perm = new int[N];
        flop = (long) EpochHarness.epochFlops(net, N, 0);
    }

    /** Stops the trainer's workers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
    }

    /** One shuffled pass over the 60,000 samples. */
    @Benchmark
    public double epoch(Flops c) {
        for (int i = 0; i < N; i++) perm[i] = i;
        Trainer.epochRng(42, epoch++).shuffle(perm);
        double sse = 0;
        for (int start = 0; start < N; start += BATCH) {
            sse += trainer.trainBatch(x, x, perm, start, Math.min(BATCH, N - start));
        }
        c.flops += flop;
        return sse;
    }
}
