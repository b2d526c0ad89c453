package simdae.cli.oneclass;

/** Progress of a {@link OneClassBenchmark}: called on the benchmark's thread after every (class, seed) run. */
@FunctionalInterface
public interface BenchmarkListener {

    /**
     * One run finished.
     *
     * @param run its result
     * @param done runs finished so far, this one included
     * @param total runs in the benchmark
     */
    void onRun(OneClassRun run, int done, int total);

    /** A listener that ignores everything. */
    BenchmarkListener NONE = (run, done, total) -> { };
}
