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
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;

/**
 * One Adam update over every parameter of the notebook's model (222,384 floats), one thread. Memory-bound: it reads
 * p, g, m, v and writes p, m, v (28 bytes per parameter, 6.2 MB per call). Counted as {@link #FLOP_PER_PARAM} FLOP
 * per parameter (sqrt and division as one each) for the GFLOP/s column.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Thread)
public class AdamBench {
    /** Nominal FLOP per parameter of one Adam step: m 3, v 4, update 5. */
    public static final int FLOP_PER_PARAM = 12;
    /** Bytes moved per parameter: 4 arrays read, 3 written. */
    public static final int BYTES_PER_PARAM = 28;

    /** Kernel set. */
    @Param({"vector", "scalar"})
    public String kernels;

    private Kernels k;
    private int n;
    private float[] p;
    private float[] g;
    private float[] m;
    private float[] v;

    /** Parameters, gradient and moments of the notebook's model. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        k = Support.kernels(kernels);
        n = Network.autoencoder(784, 128, 64, 32).parameterCount();
        p = Support.random(n, 1);
        g = Support.random(n, 2);
        m = new float[n];
        v = new float[n];
    }

    /** {@code Kernels.adam} over [0, 222384). */
    @Benchmark
    public float[] adam(Flops c) {
        k.adam(p, g, m, v, 0, n, 1e-3f, 0.9f, 0.999f, 1e-7f);
        c.flops += (long) FLOP_PER_PARAM * n;
        return p;
    }
}
