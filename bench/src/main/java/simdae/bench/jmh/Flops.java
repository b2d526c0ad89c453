package simdae.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH secondary metric {@code :flops}: benchmarks add the floating-point operations each call did (an FMA counts as
 * two). In Throughput mode JMH prints it as FLOP per time unit; in AverageTime/SingleShot modes as time per FLOP (its
 * convention for secondary metrics). {@link simdae.bench.Report} turns either into GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Flops {
    /** Floating-point operations done in this iteration. */
    public long flops;

    /** Zeroes the counter before every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        flops = 0;
    }
}
