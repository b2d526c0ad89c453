package simdae.cli.report;

import java.util.List;
import simdae.cli.eval.ClassErrorSummary;
import simdae.engine.detect.ErrorStats;

/**
 * The numbers computed once from a {@link ReportInput} and shared by the figures, the page and the JSON, so they
 * cannot disagree.
 *
 * @param stats statistics of all errors, or {@code null} for a report without per-sample errors (the one-class
 *              benchmark's)
 * @param aboveThreshold samples whose error is strictly above the threshold (as {@code Threshold.isAnomaly})
 * @param classes per-class box-plot numbers, empty without labels
 * @param classAbove per class (parallel to {@code classes}), samples above the threshold
 */
record ReportNumbers(ErrorStats stats, int aboveThreshold, List<ClassErrorSummary> classes, int[] classAbove) {

    static ReportNumbers of(ReportInput in) {
        float[] e = in.errorsView();
        int above = 0;
        for (float v : e) if (v > in.threshold()) above++;
        if (e.length == 0) return new ReportNumbers(null, 0, List.of(), new int[0]);
        if (in.labels().isEmpty()) return new ReportNumbers(ErrorStats.of(e), above, List.of(), new int[0]);
        int[] labels = in.labels().get().labels();
        List<ClassErrorSummary> classes = ClassErrorSummary.perClass(e, labels, in.labels().get().classNames());
        int[] classAbove = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            int label = classes.get(c).label();
            for (int i = 0; i < e.length; i++) if (labels[i] == label && e[i] > in.threshold()) classAbove[c]++;
        }
        return new ReportNumbers(ErrorStats.of(e), above, List.copyOf(classes), classAbove);
    }

    /** Fraction of samples above the threshold. */
    double fractionAbove() {
        return stats == null || stats.count() == 0 ? 0 : (double) aboveThreshold / stats.count();
    }
}
