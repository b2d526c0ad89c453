package simdae.cli.command;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;

/** {@code simdae detect}: how many samples are anomalies, the error distribution, and which ones. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Flag the samples of DATA whose reconstruction error is above the threshold: a summary and the flagged indices.",
        footer = {"", "Examples:",
                "  simdae detect --model out/mnist/model.sae --data mnist:test",
                "  simdae detect --model sensors.sae --data today.csv --threshold 0.05 --format json"})
public final class DetectCommand extends BaseCommand {
    @Mixin
    ModelOnData in;

    @Option(names = "--threshold", paramLabel = "T", description = "Override the model's threshold.")
    Double threshold;

    @Option(names = "--limit", paramLabel = "N", description = "List at most N flagged indices in text output (default: all).")
    Integer limit;

    @Mixin
    OutputFormat format;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        AnomalyDetector det = AnomalyDetector.of(ModelStore.load(in.model).model());
        double t = threshold != null ? threshold : det.threshold();
        Dataset d = dataArgs.load(in.data, err(), false);
        Scores s = Scores.of(det, d, t);
        if (format.json()) {
            StringBuilder sb = new StringBuilder("{\"samples\": ").append(d.n())
                    .append(", \"threshold\": ").append(t)
                    .append(", \"anomalies\": ").append(s.anomalies)
                    .append(", \"error\": {\"mean\": ").append(s.stats.mean()).append(", \"median\": ").append(s.stats.p50())
                    .append(", \"p99\": ").append(s.stats.p99()).append(", \"min\": ").append(s.stats.min()).append(", \"max\": ").append(s.stats.max())
                    .append("}, \"flagged\": [");
            int k = 0;
            for (int i = 0; i < d.n(); i++) if (s.flagged(i)) sb.append(k++ > 0 ? ", " : "").append(i);
            out().println(sb.append("]}"));
            return 0;
        }
        out().println(summary(d.source(), d.n(), s));
        StringBuilder sb = new StringBuilder("flagged:");
        int shown = 0;
        for (int i = 0; i < d.n() && (limit == null || shown < limit); i++) {
            if (s.flagged(i)) {
                sb.append(' ').append(i);
                shown++;
            }
        }
        if (shown < s.anomalies) sb.append(" … (").append(s.anomalies - shown).append(" more; --limit to change)");
        out().println(sb);
        return 0;
    }

    /** The lines the notebook's last cell prints, and a little more. */
    static String summary(String source, int n, Scores s) {
        return String.format(Locale.ROOT, "%s: %d samples, %d above threshold %.6g (%.2f%%)%nerror: mean %.6f  median %.6f  p99 %.6f  min %.6f  max %.6f",
                source, n, s.anomalies, s.threshold, 100.0 * s.anomalies / n, s.stats.mean(), s.stats.p50(), s.stats.p99(), s.stats.min(), s.stats.max());
    }
}
