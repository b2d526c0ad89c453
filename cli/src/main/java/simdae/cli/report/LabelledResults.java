package simdae.cli.report;

import simdae.cli.eval.BinaryMetrics;
import simdae.cli.eval.Curve;
import simdae.cli.eval.Evaluation;

/**
 * Detection quality against ground truth, for {@code roc.png}, {@code pr.png} and the page's metrics table.
 *
 * @param roc ROC curve (false-positive rate, true-positive rate)
 * @param pr precision-recall curve (recall, precision)
 * @param auroc area under the ROC curve
 * @param auprc area under the PR curve as average precision
 * @param atThreshold confusion matrix, precision, recall and F1 at the report's threshold
 */
public record LabelledResults(Curve roc, Curve pr, double auroc, double auprc, BinaryMetrics atThreshold) {

    /** Validates presence. */
    public LabelledResults {
        if (roc == null || pr == null || atThreshold == null) throw new IllegalArgumentException("curves and metrics must not be null");
    }

    /**
     * Everything from one {@link Evaluation}, at {@code threshold}.
     *
     * @throws IllegalArgumentException when the ground truth has only one class (no curves exist)
     */
    public static LabelledResults of(Evaluation evaluation, double threshold) {
        return new LabelledResults(evaluation.roc(), evaluation.precisionRecall(), evaluation.auroc(),
                evaluation.averagePrecision(), evaluation.at(threshold));
    }

    /** Fraction of anomalies in the ground truth: the precision of a random detector (the PR baseline). */
    public double prevalence() {
        int total = atThreshold.total();
        return total == 0 ? 0 : (double) (atThreshold.tp() + atThreshold.fn()) / total;
    }
}
