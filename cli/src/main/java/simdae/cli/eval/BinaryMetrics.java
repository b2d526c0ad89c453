package simdae.cli.eval;

import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;

import java.util.Locale;

/**
 * The confusion matrix of one threshold and the rates derived from it. A sample is predicted anomalous iff its score
 * is strictly above {@link #threshold()}, as in {@link Threshold#isAnomaly(double)}. Every ratio whose denominator
 * is zero is defined as 0 (so a threshold that flags nothing has precision 0, not NaN).
 *
 * @param threshold the cut value
 * @param tp anomalies flagged
 * @param fp normal samples flagged
 * @param tn normal samples not flagged
 * @param fn anomalies missed
 */
public record BinaryMetrics(double threshold, int tp, int fp, int tn, int fn) {

    /** Validates the counts. */
    public BinaryMetrics {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) throw new IllegalArgumentException("negative count");
    }

    /** Counts at {@code threshold} by a direct pass over the data (O(n); {@link Evaluation#at} is O(log n)). */
    public static BinaryMetrics at(float[] scores, boolean[] isAnomaly, double threshold) {
        if (scores.length != isAnomaly.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + isAnomaly.length + " labels");
        }
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] > threshold;
            if (isAnomaly[i]) {
                if (flagged) tp++; else fn++;
            } else {
                if (flagged) fp++; else tn++;
            }
        }
        return new BinaryMetrics(threshold, tp, fp, tn, fn);
    }

    /** The same counts under another threshold value (e.g. to compare counts reached by different cut values). */
    public BinaryMetrics withThresholdOf(double value) {
        return new BinaryMetrics(value, tp, fp, tn, fn);
    }

    /** Total samples. */
    public int total() {
        return tp + fp + tn + fn;
    }

    /** {@code tp / (tp + fp)}: the fraction of alarms that are real. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** {@code tp / (tp + fn)}: the fraction of anomalies caught (true-positive rate, sensitivity). */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** {@code fp / (fp + tn)}: the fraction of normal samples raising an alarm. */
    public double falsePositiveRate() {
        return ratio(fp, fp + tn);
    }

    /** {@code 2tp / (2tp + fp + fn)}, the harmonic mean of precision and recall (0 when there is no tp). */
    public double f1() {
        return ratio(2L * tp, 2L * tp + fp + fn);
    }

    /** {@code (tp + tn) / total}. */
    public double accuracy() {
        return ratio((long) tp + tn, total());
    }

    /** The threshold as a {@link Threshold} of rule EVALUATED, with the F1 it reaches as parameter. */
    public Threshold toThreshold(ErrorStats trainingStats) {
        return Threshold.evaluated(threshold, f1(), trainingStats);
    }

    /** One line, e.g. {@code threshold 0.0123 tp 90 fp 5 tn 895 fn 10 precision 0.947 recall 0.900 f1 0.923}. */
    public String describe() {
        return String.format(Locale.ROOT, "threshold %.6g tp %d fp %d tn %d fn %d precision %.4f recall %.4f f1 %.4f accuracy %.4f",
                threshold, tp, fp, tn, fn, precision(), recall(), f1(), accuracy());
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
