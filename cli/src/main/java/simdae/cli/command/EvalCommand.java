package simdae.cli.command;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.cli.Json;
import simdae.cli.eval.BinaryMetrics;
import simdae.cli.eval.Evaluation;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.format.LoadedModel;
import simdae.engine.model.TrainedModel;

/**
 * {@code simdae eval}: how good the flags are on labelled data (AUROC, average precision, precision/recall/F1 at the
 * model's threshold) and which threshold to adopt instead: the best-F1 one, or one that reaches a target precision
 * or recall. {@code --set-threshold} writes the chosen one into the model.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model on labelled DATA: AUROC, AUPRC, precision/recall/F1 at its threshold, and better thresholds.",
        footer = {"", "Examples:",
                "  simdae eval --model digit0.sae --data mnist:test --normal-class 0",
                "  simdae eval --model net.sae --data flows.csv --label-col class --anomaly-label attack --precision 0.95",
                "  simdae eval --model net.sae --data val.csv --label-col class --anomaly-label attack --set-threshold best-f1"})
public final class EvalCommand extends BaseCommand {
    @Mixin
    ModelOnData in;

    @Mixin
    Labels labels;

    @Option(names = "--precision", paramLabel = "P", description = "Also report the lowest threshold whose precision is at least P.")
    Double precision;

    @Option(names = "--recall", paramLabel = "R", description = "Also report the highest threshold whose recall is at least R.")
    Double recall;

    @Option(names = "--set-threshold", paramLabel = "best-f1|precision|recall",
            description = "Write the chosen threshold into the model (precision/recall need --precision/--recall).")
    String setThreshold;

    @Option(names = "--out", paramLabel = "MODEL", description = "With --set-threshold, save the updated model here instead of over --model.")
    Path outModel;

    @Mixin
    OutputFormat format;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        if (setThreshold != null && !setThreshold.matches("best-f1|precision|recall")) {
            throw new IllegalArgumentException("--set-threshold must be best-f1, precision or recall, got " + setThreshold);
        }
        LoadedModel lm = ModelStore.load(in.model);
        AnomalyDetector det = AnomalyDetector.of(lm.model());
        Dataset d = dataArgs.load(in.data, err(), json);
        Scores s = Scores.of(det, d, det.threshold());
        Evaluation ev = Evaluation.of(s.errors, labels.truth(d));
        BinaryMetrics at = ev.at(det.threshold());
        BinaryMetrics best = ev.bestF1();
        Optional<BinaryMetrics> forP = precision == null ? Optional.empty() : ev.lowestThresholdForPrecision(precision);
        Optional<BinaryMetrics> forR = recall == null ? Optional.empty() : ev.highestThresholdForRecall(recall);
        if (json) {
            out().println("{\"samples\": " + ev.size() + ", \"anomalies\": " + ev.anomalies() + ", \"truth\": " + Json.str(labels.describe())
                    + ", \"auroc\": " + ev.auroc() + ", \"auprc\": " + ev.averagePrecision()
                    + ", \"atModelThreshold\": " + json(at) + ", \"bestF1\": " + json(best)
                    + (precision == null ? "" : ", \"forPrecision\": " + forP.map(EvalCommand::json).orElse("null"))
                    + (recall == null ? "" : ", \"forRecall\": " + forR.map(EvalCommand::json).orElse("null")) + "}");
        } else {
            out().println(String.format(Locale.ROOT, "%s: %d samples, %d anomalies (%s)", d.source(), ev.size(), ev.anomalies(), labels.describe()));
            out().println(String.format(Locale.ROOT, "AUROC %.4f   AUPRC (average precision) %.4f", ev.auroc(), ev.averagePrecision()));
            out().println("at the model's threshold " + lm.model().threshold().describe() + ":");
            out().println("  " + at.describe());
            out().println("best F1:               " + best.describe());
            if (precision != null) out().println("precision >= " + precision + ": " + forP.map(BinaryMetrics::describe).orElse("no threshold reaches it"));
            if (recall != null) out().println("recall >= " + recall + ":    " + forR.map(BinaryMetrics::describe).orElse("no threshold reaches it"));
        }
        if (setThreshold != null) {
            BinaryMetrics chosen;
            if (setThreshold.equals("best-f1")) chosen = best;
            else if (setThreshold.equals("precision")) chosen = need(forP, precision, "--precision");
            else chosen = need(forR, recall, "--recall");
            TrainedModel updated = lm.model().withThreshold(chosen.toThreshold(lm.model().threshold().calibration()));
            Path target = outModel != null ? outModel : in.model;
            ModelStore.save(updated, target, lm.dtype());
            (json ? err() : out()).println(String.format(Locale.ROOT, "threshold %.6g written to %s", chosen.threshold(), target));
        }
        return 0;
    }

    private static BinaryMetrics need(Optional<BinaryMetrics> m, Double target, String flag) {
        if (target == null) throw new IllegalArgumentException("--set-threshold " + flag.substring(2) + " needs " + flag);
        return m.orElseThrow(() -> new IllegalArgumentException("no threshold reaches " + flag.substring(2) + " " + target + "; nothing written"));
    }

    private static String json(BinaryMetrics m) {
        return String.format(Locale.ROOT, "{\"threshold\": %s, \"tp\": %d, \"fp\": %d, \"tn\": %d, \"fn\": %d, \"precision\": %s, \"recall\": %s, \"f1\": %s}",
                m.threshold(), m.tp(), m.fp(), m.tn(), m.fn(), m.precision(), m.recall(), m.f1());
    }
}
