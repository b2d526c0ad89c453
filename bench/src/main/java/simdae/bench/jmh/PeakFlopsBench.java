package simdae.bench.jmh;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * This CPU's measured FMA peak through the Vector API: {@value #CHAINS} independent {@code a = a·b + c} chains on
 * {@code FloatVector.SPECIES_PREFERRED}, registers only (enough chains to cover FMA latency × FMA ports on current
 * x86 cores). {@code peak1} is one thread, {@code peakAll} one thread per core; the {@code flops} counter is the
 * total, so per-thread GFLOP/s is {@code flops / threads}. Every other figure is reported as a fraction of these.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class PeakFlopsBench {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Independent accumulator chains. */
    public static final int CHAINS = 12;
    /** FMA rounds per call. */
    public static final int ROUNDS = 1024;
    /** FLOP per call: 2 per lane per FMA. */
    public static final long FLOP_PER_CALL = 2L * CHAINS * ROUNDS * S.length();

    private final float[] init = new float[CHAINS * S.length()];
    private final float[] mul = new float[S.length()];
    private final float[] add = new float[S.length()];

    /** Operands loaded from memory so nothing folds to a constant; a = a·0.9999 + 1e-4 stays near 1 (no denormals). */
    @Setup
    public void setup() {
        Support.printMachineOnce();
        for (int i = 0; i < init.length; i++) init[i] = 1f + i * 1e-4f;
        java.util.Arrays.fill(mul, 0.9999f);
        java.util.Arrays.fill(add, 1e-4f);
    }

    private float chains() {
        FloatVector b = FloatVector.fromArray(S, mul, 0), c = FloatVector.fromArray(S, add, 0);
        int l = S.length();
        FloatVector a0 = FloatVector.fromArray(S, init, 0), a1 = FloatVector.fromArray(S, init, l);
        FloatVector a2 = FloatVector.fromArray(S, init, 2 * l), a3 = FloatVector.fromArray(S, init, 3 * l);
        FloatVector a4 = FloatVector.fromArray(S, init, 4 * l), a5 = FloatVector.fromArray(S, init, 5 * l);
        FloatVector a6 = FloatVector.fromArray(S, init, 6 * l), a7 = FloatVector.fromArray(S, init, 7 * l);
        FloatVector a8 = FloatVector.fromArray(S, init, 8 * l), a9 = FloatVector.fromArray(S, init, 9 * l);
        FloatVector a10 = FloatVector.fromArray(S, init, 10 * l), a11 = FloatVector.fromArray(S, init, 11 * l);
        for (int r = 0; r < ROUNDS; r++) {
            a0 = a0.fma(b, c); a1 = a1.fma(b, c); a2 = a2.fma(b, c); a3 = a3.fma(b, c);
            a4 = a4.fma(b, c); a5 = a5.fma(b, c); a6 = a6.fma(b, c); a7 = a7.fma(b, c);
            a8 = a8.fma(b, c); a9 = a9.fma(b, c); a10 = a10.fma(b, c); a11 = a11.fma(b, c);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return s.reduceLanes(VectorOperators.ADD);
    }

    /** Peak of one thread. */
    @Benchmark
    @Threads(1)
    public float peak1(Flops c) {
        c.flops += FLOP_PER_CALL;
        return chains();
    }

    /** Peak with one thread per available core (JMH's Threads.MAX). */
    @Benchmark
    @Threads(Threads.MAX)
    public float peakAll(Flops c) {
        c.flops += FLOP_PER_CALL;
        return chains();
    }
}
