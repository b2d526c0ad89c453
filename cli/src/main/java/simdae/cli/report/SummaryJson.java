package simdae.cli.report;

import java.util.List;
import java.util.Map;
import simdae.cli.eval.BinaryMetrics;
import simdae.cli.eval.ClassErrorSummary;
import simdae.cli.oneclass.OneClassSummary;
import simdae.engine.detect.ErrorStats;

/**
 * {@code summary.json}: the page's key numbers for scripts. Written by hand (the project has no JSON library);
 * absent sections are left out rather than written as {@code null}, NaN becomes {@code null}.
 */
final class SummaryJson {

    private SummaryJson() {
    }

    static String render(ReportInput in, ReportNumbers nums, List<Figure> figures) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, "title", Text.json(in.title()));
        field(sb, "source", Text.json(in.source()));
        field(sb, "samples", String.valueOf(in.sampleCount()));
        field(sb, "threshold", Text.json(in.threshold()));
        field(sb, "thresholdRule", Text.json(in.thresholdDescription()));
        field(sb, "aboveThreshold", String.valueOf(nums.aboveThreshold()));
        field(sb, "fractionAbove", Text.json(nums.fractionAbove()));
        ErrorStats s = nums.stats();
        if (s != null) field(sb, "errors", "{\"mean\": " + Text.json(s.mean()) + ", \"std\": " + Text.json(s.std()) + ", \"min\": " + Text.jsonFloat(s.min())
                + ", \"median\": " + Text.json(s.p50()) + ", \"p90\": " + Text.json(s.p90()) + ", \"p95\": " + Text.json(s.p95())
                + ", \"p99\": " + Text.json(s.p99()) + ", \"max\": " + Text.jsonFloat(s.max()) + "}");
        StringBuilder kv = new StringBuilder("{");
        for (Map.Entry<String, String> e : in.summary().entrySet()) {
            kv.append(kv.length() > 1 ? ", " : "").append(Text.json(e.getKey())).append(": ").append(Text.json(e.getValue()));
        }
        field(sb, "summary", kv.append('}').toString());
        in.training().ifPresent(h -> field(sb, "training", "{\"epochs\": " + h.epochs() + ", \"finalLoss\": " + Text.json(h.finalLoss())
                + ", \"finalValLoss\": " + Text.json(h.finalValLoss()) + "}"));
        in.evaluation().ifPresent(r -> {
            BinaryMetrics m = r.atThreshold();
            field(sb, "evaluation", "{\"auroc\": " + Text.json(r.auroc()) + ", \"auprc\": " + Text.json(r.auprc())
                    + ", \"precision\": " + Text.json(m.precision()) + ", \"recall\": " + Text.json(m.recall())
                    + ", \"f1\": " + Text.json(m.f1()) + ", \"accuracy\": " + Text.json(m.accuracy())
                    + ", \"tp\": " + m.tp() + ", \"fp\": " + m.fp() + ", \"tn\": " + m.tn() + ", \"fn\": " + m.fn() + "}");
        });
        if (!nums.classes().isEmpty()) {
            StringBuilder c = new StringBuilder("[");
            for (int i = 0; i < nums.classes().size(); i++) {
                ClassErrorSummary k = nums.classes().get(i);
                c.append(i > 0 ? "," : "").append("\n    {\"label\": ").append(k.label()).append(", \"name\": ").append(Text.json(k.name()))
                        .append(", \"count\": ").append(k.count()).append(", \"aboveThreshold\": ").append(nums.classAbove()[i])
                        .append(", \"min\": ").append(Text.jsonFloat(k.min())).append(", \"q1\": ").append(Text.json(k.q1()))
                        .append(", \"median\": ").append(Text.json(k.median())).append(", \"q3\": ").append(Text.json(k.q3()))
                        .append(", \"max\": ").append(Text.jsonFloat(k.max())).append(", \"lowerWhisker\": ").append(Text.jsonFloat(k.lowerWhisker()))
                        .append(", \"upperWhisker\": ").append(Text.jsonFloat(k.upperWhisker())).append(", \"outliers\": ").append(k.outliers()).append('}');
            }
            field(sb, "classes", c.append("\n  ]").toString());
        }
        if (!in.oneClass().isEmpty()) {
            StringBuilder c = new StringBuilder("[");
            for (int i = 0; i < in.oneClass().size(); i++) {
                OneClassSummary k = in.oneClass().get(i);
                c.append(i > 0 ? "," : "").append("\n    {\"class\": ").append(k.normalClass()).append(", \"name\": ").append(Text.json(k.name()))
                        .append(", \"runs\": ").append(k.runs()).append(", \"meanAuroc\": ").append(Text.json(k.meanAuroc()))
                        .append(", \"stdAuroc\": ").append(Text.json(k.stdAuroc()))
                        .append(", \"meanAveragePrecision\": ").append(Text.json(k.meanAveragePrecision())).append('}');
            }
            field(sb, "oneClass", c.append("\n  ]").toString());
        }
        StringBuilder f = new StringBuilder("[");
        for (int i = 0; i < figures.size(); i++) f.append(i > 0 ? ", " : "").append(Text.json(figures.get(i).file().fileName()));
        sb.append("  \"figures\": ").append(f.append(']')).append("\n}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("  ").append(Text.json(name)).append(": ").append(value).append(",\n");
    }
}
