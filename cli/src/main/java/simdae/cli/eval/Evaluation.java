package simdae.cli.eval;

import simdae.engine.detect.Threshold;

import java.util.Arrays;
import java.util.Optional;

/**
 * Detection quality of anomaly scores against ground truth: AUROC, average precision, metrics at a threshold, the
 * best-F1 threshold, thresholds that reach a precision or recall target, and ROC / PR curves.
 *
 * <p>Scores are "higher = more anomalous" and a sample is predicted anomalous iff its score is strictly above the
 * threshold, as in {@link Threshold#isAnomaly(double)}. The data are sorted once (O(n log n)); after that every
 * query is O(log n) or O(number of distinct scores).
 *
 * <p><b>Cut points.</b> With the distinct scores in descending order {@code v[0] > v[1] > ... > v[m-1]}, cut
 * {@code j} ({@code 0..m}) flags exactly the samples scoring {@code >= v[j-1]}. Tied scores are never split. The
 * threshold reported for cut {@code j} is the largest value that still produces that set with {@code >}: the
 * highest score left normal, {@code v[j]}; for {@code j = m} (everything flagged) it is the float just below
 * {@code v[m-1]}. Both are float values, so they survive being stored as a float.
 *
 * <p>Scores are floats compared as doubles: a threshold typed as a double literal is not the float of the same
 * digits ({@code 0.8 < 0.8f}), so {@code at(0.8)} flags a score of {@code 0.8f}.
 */
public final class Evaluation {
    private final int n;
    private final int positives;
    private final int negatives;
    private final double[] values;  // distinct scores, descending
    private final int[] cumTp;      // cumTp[j] = anomalies flagged by cut j; cumTp[0] = 0
    private final int[] cumFp;      // cumFp[j] = normal samples flagged by cut j

    private Evaluation(float[] scores, boolean[] isAnomaly) {
        if (scores == null || isAnomaly == null) throw new IllegalArgumentException("scores and labels must not be null");
        if (scores.length != isAnomaly.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + isAnomaly.length + " labels");
        }
        if (scores.length == 0) throw new IllegalArgumentException("no samples to evaluate");
        n = scores.length;
        int p = GroundTruth.count(isAnomaly);
        positives = p;
        negatives = n - p;
        // Sorting the two classes separately and merging avoids sorting boxed indices.
        float[] pos = new float[positives], neg = new float[negatives];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (!Float.isFinite(scores[i])) throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            if (isAnomaly[i]) pos[a++] = scores[i]; else neg[b++] = scores[i];
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] v = new double[n];
        int[] tp = new int[n + 1], fp = new int[n + 1];
        int a = positives - 1, b = negatives - 1, m = 0;
        while (a >= 0 || b >= 0) {
            float top = a < 0 ? neg[b] : b < 0 ? pos[a] : Math.max(pos[a], neg[b]);
            int dt = 0, df = 0;
            while (a >= 0 && pos[a] == top) { a--; dt++; }
            while (b >= 0 && neg[b] == top) { b--; df++; }
            v[m] = top;
            tp[m + 1] = tp[m] + dt;
            fp[m + 1] = fp[m] + df;
            m++;
        }
        values = Arrays.copyOf(v, m);
        cumTp = Arrays.copyOf(tp, m + 1);
        cumFp = Arrays.copyOf(fp, m + 1);
    }

    /**
     * Evaluates {@code scores} (higher = more anomalous) against {@code isAnomaly}. Arrays are read, not kept.
     *
     * @throws IllegalArgumentException on null, empty or mismatched arrays, or a non-finite score
     */
    public static Evaluation of(float[] scores, boolean[] isAnomaly) {
        return new Evaluation(scores, isAnomaly);
    }

    /** Shortcut for {@code of(scores, isAnomaly).auroc()}. */
    public static double auroc(float[] scores, boolean[] isAnomaly) {
        return of(scores, isAnomaly).auroc();
    }

    /** Shortcut for {@code of(scores, isAnomaly).averagePrecision()}. */
    public static double averagePrecision(float[] scores, boolean[] isAnomaly) {
        return of(scores, isAnomaly).averagePrecision();
    }

    /** Number of samples. */
    public int size() {
        return n;
    }

    /** Number of anomalies in the ground truth. */
    public int anomalies() {
        return positives;
    }

    /** Number of normal samples in the ground truth. */
    public int normals() {
        return negatives;
    }

    /** Number of distinct scores, {@code m}; there are {@code m + 1} cut points. */
    public int distinctScores() {
        return values.length;
    }

    /**
     * Area under the ROC curve: the probability that a random anomaly scores higher than a random normal sample,
     * ties counting one half (the Mann–Whitney U statistic with average ranks, divided by {@code P·N}). Computed
     * exactly in integers, so all-tied scores give exactly 0.5.
     *
     * @throws IllegalArgumentException when the ground truth has only one class
     */
    public double auroc() {
        requireBothClasses("AUROC");
        // 2U = sum over tie groups of 2·(anomalies in group)·(normals below it) + (anomalies)·(normals in group).
        long twiceU = 0;
        for (int g = 1; g < cumTp.length; g++) {
            long dp = cumTp[g] - cumTp[g - 1];
            long dn = cumFp[g] - cumFp[g - 1];
            twiceU += 2 * dp * (negatives - cumFp[g]) + dp * dn;
        }
        return twiceU / (2.0 * positives * negatives);
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score}: {@code Σ (R_j − R_{j−1})·P_j} over the
     * cut points, tied scores forming one cut. Not the trapezoidal area under the PR curve, which is optimistic.
     *
     * @throws IllegalArgumentException when the ground truth has only one class
     */
    public double averagePrecision() {
        requireBothClasses("average precision");
        double ap = 0;
        for (int j = 1; j < cumTp.length; j++) {
            int dp = cumTp[j] - cumTp[j - 1];
            if (dp > 0) ap += (double) dp / positives * cumTp[j] / (cumTp[j] + cumFp[j]);
        }
        return ap;
    }

    /** Confusion matrix at {@code threshold} (anomaly iff score {@code >} threshold), by binary search. */
    public BinaryMetrics at(double threshold) {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
        // number of distinct values > threshold = first index whose value <= threshold
        int lo = 0, hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] > threshold) lo = mid + 1; else hi = mid;
        }
        return metrics(lo, threshold);
    }

    /** Metrics of {@code t.value()}. */
    public BinaryMetrics at(Threshold t) {
        return at(t.value());
    }

    /**
     * The cut with the highest F1 over all {@code m + 1} cut points; among equal F1 the highest threshold (fewest
     * alarms). The result's threshold reproduces it with {@code >}.
     *
     * @throws IllegalArgumentException when the ground truth has only one class
     */
    public BinaryMetrics bestF1() {
        requireBothClasses("best F1");
        int best = 0;
        for (int j = 1; j < cumTp.length; j++) {
            // F1 = 2tp / (tp + fp + P); compare fractions exactly by cross-multiplying
            long num = cumTp[j], den = (long) cumTp[j] + cumFp[j] + positives;
            long bNum = cumTp[best], bDen = (long) cumTp[best] + cumFp[best] + positives;
            if (num * bDen > bNum * den) best = j;
        }
        return cut(best);
    }

    /**
     * The lowest threshold whose precision is at least {@code target}: the most anomalies caught while at least that
     * fraction of alarms is real. Empty when no cut reaches it. Precision is not monotone in the threshold, so this
     * scans every cut.
     *
     * @param target precision in {@code (0, 1]}
     */
    public Optional<BinaryMetrics> lowestThresholdForPrecision(double target) {
        requireRate("precision", target);
        for (int j = cumTp.length - 1; j >= 1; j--) {
            BinaryMetrics m = cut(j);
            if (m.precision() >= target) return Optional.of(m);
        }
        return Optional.empty();
    }

    /**
     * The highest threshold whose recall is at least {@code target}: the fewest alarms that still catch that fraction
     * of anomalies. Empty only when there are no anomalies.
     *
     * @param target recall in {@code (0, 1]}
     */
    public Optional<BinaryMetrics> highestThresholdForRecall(double target) {
        requireRate("recall", target);
        for (int j = 1; j < cumTp.length; j++) {
            BinaryMetrics m = cut(j);
            if (positives > 0 && m.recall() >= target) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** Metrics of cut {@code j} ({@code 0} = nothing flagged, {@link #distinctScores()} = everything flagged). */
    public BinaryMetrics cut(int j) {
        if (j < 0 || j > values.length) throw new IllegalArgumentException("cut " + j + " outside 0.." + values.length);
        return metrics(j, cutValue(j));
    }

    /** ROC curve with at most 1000 points. */
    public Curve roc() {
        return roc(1000);
    }

    /**
     * ROC curve from (0, 0) to (1, 1), one point per cut; evenly subsampled by cut index (endpoints kept) to at most
     * {@code maxPoints} points.
     *
     * @throws IllegalArgumentException when the ground truth has only one class, or {@code maxPoints < 2}
     */
    public Curve roc(int maxPoints) {
        requireBothClasses("ROC curve");
        int[] idx = sample(0, values.length, maxPoints);
        double[] x = new double[idx.length], y = new double[idx.length], t = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int j = idx[i];
            x[i] = (double) cumFp[j] / negatives;
            y[i] = (double) cumTp[j] / positives;
            t[i] = cutValue(j);
        }
        return new Curve(x, y, t);
    }

    /** Precision-recall curve with at most 1000 points. */
    public Curve precisionRecall() {
        return precisionRecall(1000);
    }

    /**
     * Precision-recall curve: the point (recall 0, precision 1) at the highest threshold by scikit-learn's
     * convention, then one point per cut with at least one alarm; subsampled like {@link #roc(int)}.
     *
     * @throws IllegalArgumentException when the ground truth has only one class, or {@code maxPoints < 2}
     */
    public Curve precisionRecall(int maxPoints) {
        requireBothClasses("precision-recall curve");
        int[] idx = sample(0, values.length, maxPoints);
        double[] x = new double[idx.length], y = new double[idx.length], t = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int j = idx[i];
            x[i] = (double) cumTp[j] / positives;
            y[i] = j == 0 ? 1.0 : (double) cumTp[j] / (cumTp[j] + cumFp[j]);
            t[i] = cutValue(j);
        }
        return new Curve(x, y, t);
    }

    private BinaryMetrics metrics(int j, double threshold) {
        int tp = cumTp[j], fp = cumFp[j];
        return new BinaryMetrics(threshold, tp, fp, negatives - fp, positives - tp);
    }

    private double cutValue(int j) {
        if (j < values.length) return values[j];
        float below = Math.nextDown((float) values[values.length - 1]);
        return Float.isInfinite(below) ? Math.nextDown(values[values.length - 1]) : below;
    }

    /** Indices {@code from..to} inclusive, at most {@code max} of them, evenly spaced, both ends kept. */
    private static int[] sample(int from, int to, int max) {
        if (max < 2) throw new IllegalArgumentException("a curve needs at least 2 points, got maxPoints = " + max);
        int count = to - from + 1;
        if (count <= max) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) all[i] = from + i;
            return all;
        }
        int[] idx = new int[max];
        for (int i = 0; i < max; i++) idx[i] = from + (int) Math.round((double) i * (count - 1) / (max - 1));
        return idx;
    }

    private void requireBothClasses(String what) {
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(what + " needs both normal and anomalous samples: got " + positives + " anomalies of " + n);
        }
    }

    private static void requireRate(String what, double target) {
        if (!(target > 0 && target <= 1)) throw new IllegalArgumentException(what + " target must be in (0, 1], got " + target);
    }
}
