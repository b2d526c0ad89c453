package simdae.cli.eval;

/**
 * Points of a ROC or precision-recall curve, for plotting. Point {@code i} is {@code (x[i], y[i])} and is reached by
 * flagging the scores strictly above {@code thresholds[i]}. ROC: {@code x} = false-positive rate, {@code y} =
 * true-positive rate, from (0, 0) to (1, 1). PR: {@code x} = recall, {@code y} = precision, starting at (0, 1).
 *
 * @param x abscissae
 * @param y ordinates
 * @param thresholds the cut value of each point
 */
public record Curve(double[] x, double[] y, double[] thresholds) {

    /** Validates that the three arrays are parallel. */
    public Curve {
        if (x.length != y.length || x.length != thresholds.length) throw new IllegalArgumentException("curve arrays differ in length");
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** Area under the points by the trapezoidal rule (equals AUROC for a full ROC curve). */
    public double trapezoidArea() {
        double a = 0;
        for (int i = 1; i < x.length; i++) a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return a;
    }
}
