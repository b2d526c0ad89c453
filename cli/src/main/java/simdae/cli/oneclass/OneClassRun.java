package simdae.cli.oneclass;

import simdae.cli.Json;

/**
 * One (normal class, seed) run of the one-class protocol.
 *
 * @param normalClass the label trained on and treated as normal
 * @param seed the run's seed
 * @param trainRows training rows of the normal class
 * @param auroc AUROC on the whole test set, the normal class negative and every other class positive
 * @param averagePrecision average precision with the same ground truth
 * @param seconds wall time of training and scoring
 */
public record OneClassRun(int normalClass, long seed, int trainRows, double auroc, double averagePrecision, double seconds) {

    /** The run as a JSON object. */
    public String toJson() {
        return "{\"class\": " + normalClass + ", \"seed\": " + seed + ", \"trainRows\": " + trainRows
                + ", \"auroc\": " + Json.num(auroc) + ", \"averagePrecision\": " + Json.num(averagePrecision)
                + ", \"seconds\": " + Json.num(seconds) + "}";
    }
}
