package simdae.cli.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import simdae.cli.eval.BinaryMetrics;
import simdae.cli.eval.ClassErrorSummary;
import simdae.cli.oneclass.OneClassSummary;
import simdae.engine.detect.ErrorStats;

/**
 * {@code index.html}: one self-contained page (inline CSS, no external fonts, scripts or images other than the
 * report's own PNGs beside it). Every number a figure shows is also on the page as text.
 *
 * <p>A few lines of inline script count the images that decoded and store the count in
 * {@code body[data-images-loaded]} (next to {@code data-images-total}), so a headless browser can check the page.
 */
final class HtmlPage {

    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{margin:0;background:#f6f7f9;color:#1d2330;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif}",
            "main{max-width:1120px;margin:0 auto;padding:24px 20px 48px}",
            "h1{font-size:26px;margin:0 0 4px}",
            "h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid #e3e6eb}",
            ".source{color:#5b6473;margin:0 0 20px;word-break:break-all}",
            "section{background:#fff;border:1px solid #e3e6eb;border-radius:8px;padding:18px 20px;margin:0 0 20px}",
            ".headline{font-size:17px;margin:0 0 14px}",
            ".headline strong{color:#c62828}",
            "table{border-collapse:collapse;font-variant-numeric:tabular-nums}",
            "th,td{padding:5px 12px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}",
            "table.kv th{color:#5b6473;font-weight:600;white-space:nowrap}",
            "table.grid th{background:#f2f4f7}",
            "table.grid td.num{text-align:right}",
            ".scroll{overflow-x:auto}",
            "figure{margin:18px 0 0}",
            "figure img{display:block;max-width:100%;height:auto;border:1px solid #e3e6eb;border-radius:4px;background:#fff}",
            "figcaption{color:#5b6473;font-size:14px;margin-top:6px}",
            ".pair{display:flex;flex-wrap:wrap;gap:20px}",
            ".pair figure{flex:1 1 420px;margin-top:18px}",
            "footer{color:#8a93a3;font-size:13px;text-align:center}");

    private static final String SCRIPT = "window.addEventListener('load',function(){var ok=0,im=document.images;"
            + "for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0)ok++;}"
            + "document.body.dataset.imagesLoaded=String(ok);});";

    private HtmlPage() {
    }

    static String render(ReportInput in, ReportNumbers nums, List<Figure> figures) {
        Map<FigureFile, Figure> fig = new EnumMap<>(FigureFile.class);
        for (Figure f : figures) fig.put(f.file(), f);
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Text.html(in.title())).append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n")
                .append("<body data-images-total=\"").append(figures.size()).append("\">\n<main>\n")
                .append("<h1>").append(Text.html(in.title())).append("</h1>\n");
        if (!in.source().isEmpty()) sb.append("<p class=\"source\">").append(Text.html(in.source())).append("</p>\n");

        summary(sb, in, nums, fig);
        in.training().ifPresent(h -> {
            sb.append("<section id=\"training\">\n<h2>Training</h2>\n");
            figure(sb, fig.get(FigureFile.TRAINING_CURVES));
            sb.append("</section>\n");
        });
        in.evaluation().ifPresent(r -> evaluation(sb, r, fig));
        if (!nums.classes().isEmpty()) classes(sb, nums, fig);
        if (!in.oneClass().isEmpty()) oneClass(sb, in.oneClass(), fig);
        sb.append("<footer>Written by simdae. Figures: ");
        for (int i = 0; i < figures.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(Text.html(figures.get(i).file().fileName()));
        }
        sb.append("; numbers also in summary.json.</footer>\n</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ReportInput in, ReportNumbers nums, Map<FigureFile, Figure> fig) {
        ErrorStats s = nums.stats();
        sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        if (s != null) {
            sb.append("<p class=\"headline\"><strong>").append(nums.aboveThreshold())
                    .append("</strong> of ").append(s.count()).append(" samples (").append(Text.html(Format.percent(nums.fractionAbove())))
                    .append(") have a reconstruction error above the threshold ").append(Text.html(Format.number(in.threshold()))).append(".</p>\n");
        }
        sb.append("<table class=\"kv\">\n");
        if (s != null) {
            row(sb, "Samples", String.valueOf(s.count()));
            row(sb, "Threshold", in.thresholdDescription());
            row(sb, "Above threshold", nums.aboveThreshold() + " (" + Format.percent(nums.fractionAbove()) + ")");
            row(sb, "Mean error", Format.number(s.mean()));
            row(sb, "Median error", Format.number(s.p50()));
            row(sb, "p99 error", Format.number(s.p99()));
            row(sb, "Min / max error", Format.number(s.min()) + " / " + Format.number(s.max()));
        }
        for (Map.Entry<String, String> e : in.summary().entrySet()) row(sb, e.getKey(), e.getValue());
        sb.append("</table>\n");
        figure(sb, fig.get(FigureFile.ERRORS_HISTOGRAM));
        figure(sb, fig.get(FigureFile.RECONSTRUCTIONS));
        sb.append("</section>\n");
    }

    private static void evaluation(StringBuilder sb, LabelledResults r, Map<FigureFile, Figure> fig) {
        BinaryMetrics m = r.atThreshold();
        sb.append("<section id=\"evaluation\">\n<h2>Detection against ground truth</h2>\n<table class=\"kv\">\n");
        row(sb, "AUROC", Format.rate(r.auroc()));
        row(sb, "AUPRC (average precision)", Format.rate(r.auprc()));
        row(sb, "Anomaly rate", Format.percent(r.prevalence()));
        row(sb, "At threshold " + Format.number(m.threshold()), "precision " + Format.rate(m.precision()) + ", recall "
                + Format.rate(m.recall()) + ", F1 " + Format.rate(m.f1()) + ", accuracy " + Format.rate(m.accuracy()));
        row(sb, "Confusion", "TP " + m.tp() + ", FP " + m.fp() + ", TN " + m.tn() + ", FN " + m.fn());
        sb.append("</table>\n<div class=\"pair\">\n");
        figure(sb, fig.get(FigureFile.ROC));
        figure(sb, fig.get(FigureFile.PR));
        sb.append("</div>\n</section>\n");
    }

    private static void classes(StringBuilder sb, ReportNumbers nums, Map<FigureFile, Figure> fig) {
        sb.append("<section id=\"classes\">\n<h2>Errors per class</h2>\n<div class=\"scroll\"><table class=\"grid\">\n")
                .append("<tr><th>Class</th><th>Samples</th><th>Above threshold</th><th>Median</th><th>Q1</th><th>Q3</th>")
                .append("<th>Max</th><th>Outliers</th></tr>\n");
        for (int i = 0; i < nums.classes().size(); i++) {
            ClassErrorSummary c = nums.classes().get(i);
            sb.append("<tr><td>").append(Text.html(c.name())).append("</td>");
            num(sb, String.valueOf(c.count()));
            num(sb, String.valueOf(nums.classAbove()[i]));
            num(sb, Format.significant(c.median(), 4));
            num(sb, Format.significant(c.q1(), 4));
            num(sb, Format.significant(c.q3(), 4));
            num(sb, Format.significant(c.max(), 4));
            num(sb, String.valueOf(c.outliers()));
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
        figure(sb, fig.get(FigureFile.CLASS_ERRORS));
        sb.append("</section>\n");
    }

    private static void oneClass(StringBuilder sb, List<OneClassSummary> classes, Map<FigureFile, Figure> fig) {
        sb.append("<section id=\"oneclass\">\n<h2>One-class AUROC</h2>\n<div class=\"scroll\"><table class=\"grid\">\n")
                .append("<tr><th>Normal class</th><th>Seeds</th><th>AUROC mean</th><th>± std</th><th>AP mean</th></tr>\n");
        for (OneClassSummary c : classes) {
            sb.append("<tr><td>").append(Text.html(c.name())).append("</td>");
            num(sb, String.valueOf(c.runs()));
            num(sb, Format.rate(c.meanAuroc()));
            num(sb, Format.rate(c.stdAuroc()));
            num(sb, Format.rate(c.meanAveragePrecision()));
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
        figure(sb, fig.get(FigureFile.ONECLASS_AUROC));
        sb.append("</section>\n");
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th scope=\"row\">").append(Text.html(key)).append("</th><td>").append(Text.html(value)).append("</td></tr>\n");
    }

    private static void num(StringBuilder sb, String v) {
        sb.append("<td class=\"num\">").append(Text.html(v)).append("</td>");
    }

    private static void figure(StringBuilder sb, Figure f) {
        if (f == null) return;
        sb.append("<figure>\n<img src=\"").append(Text.html(f.file().fileName())).append("\" alt=\"").append(Text.html(f.alt()))
                .append("\" width=\"").append(f.image().getWidth()).append("\" height=\"").append(f.image().getHeight())
                .append("\">\n<figcaption>").append(Text.html(f.caption())).append("</figcaption>\n</figure>\n");
    }
}
