package simdae.cli.oneclass;

import simdae.cli.Json;

import java.util.List;
import java.util.Locale;

/**
 * Outcome of a {@link OneClassBenchmark}: every run, the per-class summaries, and the mean over classes.
 *
 * @param recipe the recipe every run used
 * @param runs every (class, seed) run, in run order
 * @param classes one summary per class, in the order the classes were given
 * @param meanAuroc mean over classes of the per-class mean AUROC (each class weighs the same)
 */
public record OneClassResult(OneClassRecipe recipe, List<OneClassRun> runs, List<OneClassSummary> classes, double meanAuroc) {

    /** Copies the lists. */
    public OneClassResult {
        runs = List.copyOf(runs);
        classes = List.copyOf(classes);
    }

    /** A plain-text table: one line per class, {@code AUROC mean ± std}, then the overall mean. */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %5s  %-17s %s%n", "normal class", "seeds", "AUROC mean ± std", "AP mean"));
        for (OneClassSummary c : classes) {
            sb.append(String.format(Locale.ROOT, "%-12s %5d  %.4f ± %.4f   %.4f%n", c.name(), c.runs(), c.meanAuroc(), c.stdAuroc(), c.meanAveragePrecision()));
        }
        return sb.append(String.format(Locale.ROOT, "%-12s %5s  %.4f%n", "mean", "", meanAuroc)).toString();
    }

    /** The whole result as one JSON document (recipe, per-class summaries, every run). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"protocol\": \"one-class\",\n  \"recipe\": ").append(recipe.toJson())
                .append(",\n  \"meanAuroc\": ").append(Json.num(meanAuroc)).append(",\n  \"classes\": [");
        for (int i = 0; i < classes.size(); i++) sb.append(i > 0 ? "," : "").append("\n    ").append(classes.get(i).toJson());
        sb.append("\n  ],\n  \"runs\": [");
        for (int i = 0; i < runs.size(); i++) sb.append(i > 0 ? "," : "").append("\n    ").append(runs.get(i).toJson());
        return sb.append("\n  ]\n}\n").toString();
    }
}
