package simdae.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH secondary metric {@code :images}: samples scored, for images/s (see {@link Flops} for the units). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Images {
    /** Samples scored in this iteration. */
    public long images;

    /** Zeroes the counter before every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        images = 0;
    }
}
