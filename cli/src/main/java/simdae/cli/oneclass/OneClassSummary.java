package simdae.cli.oneclass;

import simdae.cli.Json;

import java.util.List;

/**
 * The runs of one normal class summarised over seeds.
 *
 * @param normalClass the label treated as normal
 * @param name its class name
 * @param runs the number of seeds
 * @param meanAuroc mean AUROC over seeds
 * @param stdAuroc sample standard deviation (n − 1) of AUROC over seeds; 0 for a single seed
 * @param meanAveragePrecision mean average precision over seeds
 */
public record OneClassSummary(int normalClass, String name, int runs, double meanAuroc, double stdAuroc, double meanAveragePrecision) {

    /** Summarises the runs of one class. */
    public static OneClassSummary of(int normalClass, String name, List<OneClassRun> runs) {
        int r = runs.size();
        if (r == 0) throw new IllegalArgumentException("no runs for class " + normalClass);
        double mean = 0, ap = 0;
        for (OneClassRun run : runs) {
            mean += run.auroc() / r;
            ap += run.averagePrecision() / r;
        }
        double ss = 0;
        for (OneClassRun run : runs) ss += (run.auroc() - mean) * (run.auroc() - mean);
        return new OneClassSummary(normalClass, name, r, mean, r > 1 ? Math.sqrt(ss / (r - 1)) : 0.0, ap);
    }

    /** The summary as a JSON object. */
    public String toJson() {
        return "{\"class\": " + normalClass + ", \"name\": " + Json.str(name) + ", \"runs\": " + runs
                + ", \"meanAuroc\": " + Json.num(meanAuroc) + ", \"stdAuroc\": " + Json.num(stdAuroc)
                + ", \"meanAveragePrecision\": " + Json.num(meanAveragePrecision) + "}";
    }
}
