package simdae.engine.detect;

import java.util.Arrays;

/**
 * Derives a {@link Threshold} from a model's own training errors, without labels.
 *
 * <p>Every rule keeps the {@link ErrorStats} of the errors it was calibrated from, so a report can say where the
 * threshold sits among the training errors. Quantiles use linear interpolation between order statistics, exactly
 * numpy's default {@code np.percentile(errors, q)}: with the errors sorted ascending as {@code s[0..n-1]} and
 * {@code pos = q/100·(n-1)}, the value is {@code s[⌊pos⌋] + (pos-⌊pos⌋)·(s[⌊pos⌋+1] - s[⌊pos⌋])}.
 *
 * <p>Because {@link Threshold#isAnomaly(double)} is strict ({@code error > value}), errors exactly equal to the
 * threshold are normal. With ties at the quantile this flags fewer training samples than the nominal fraction,
 * never more.
 */
public final class ThresholdCalibrator {

    private ThresholdCalibrator() {
    }

    /** A fixed value, with the statistics of the first {@code n} training errors attached for reporting. */
    public static Threshold fixed(double value, float[] errors, int n) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("fixed threshold must be finite, got " + value);
        return Threshold.fixed(value, stats(errors, n));
    }

    /**
     * The {@code p}-th percentile of the first {@code n} training errors.
     *
     * @param p percentile, strictly between 0 and 100 (0 and 100 would flag everything below the minimum or nothing)
     */
    public static Threshold percentile(float[] errors, int n, double p) {
        if (!(p > 0 && p < 100)) throw new IllegalArgumentException("percentile must be in (0, 100), got " + p);
        double[] sorted = sortedCopy(errors, n);
        return new Threshold(Threshold.Rule.PERCENTILE, p, ErrorStats.percentileSorted(sorted, p), ErrorStats.of(errors, n));
    }

    /**
     * PyOD's contamination rule: the top fraction {@code c} of training errors is anomalous, so the threshold is the
     * {@code 100·(1-c)}-th percentile ({@code np.percentile(errors, 100 * (1 - c))}, as PyOD computes it).
     *
     * <p>With {@code n} distinct errors this flags {@code ⌈c·(n-1)⌉} of them: the interpolated value lies strictly
     * between two order statistics unless {@code c·(n-1)} is whole, in which case the order statistic itself is the
     * threshold and, being equal, is normal. Ties at the threshold are normal too.
     *
     * @param c contamination fraction in {@code (0, 0.5]}; more than half anomalous contradicts "training data is
     *          mostly normal", which every rule here assumes
     */
    public static Threshold contamination(float[] errors, int n, double c) {
        if (!(c > 0 && c <= 0.5)) throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + c);
        double[] sorted = sortedCopy(errors, n);
        double value = ErrorStats.percentileSorted(sorted, 100 * (1 - c));
        return new Threshold(Threshold.Rule.CONTAMINATION, c, value, ErrorStats.of(errors, n));
    }

    /**
     * {@code mean + k·std} of the first {@code n} training errors (population standard deviation, as in
     * {@link ErrorStats}).
     *
     * @param k number of standard deviations, finite and {@code >= 0}
     */
    public static Threshold sigma(float[] errors, int n, double k) {
        if (!(k >= 0) || Double.isInfinite(k)) throw new IllegalArgumentException("sigma k must be a finite number >= 0, got " + k);
        ErrorStats s = stats(errors, n);
        return new Threshold(Threshold.Rule.SIGMA, k, s.mean() + k * s.std(), s);
    }

    /**
     * Dispatches on {@code rule}, for callers that hold a rule and parameter (a CLI option, a saved model).
     *
     * @throws IllegalArgumentException for {@link Threshold.Rule#EVALUATED}, which needs labels (see the CLI's {@code eval} command)
     */
    public static Threshold calibrate(Threshold.Rule rule, double parameter, float[] errors, int n) {
        switch (rule) {
            case FIXED: return fixed(parameter, errors, n);
            case PERCENTILE: return percentile(errors, n, parameter);
            case CONTAMINATION: return contamination(errors, n, parameter);
            case SIGMA: return sigma(errors, n, parameter);
            default: throw new IllegalArgumentException("rule " + rule + " is chosen from labelled data, not calibrated from training errors");
        }
    }

    private static ErrorStats stats(float[] errors, int n) {
        sortedCopy(errors, n); // validates
        return ErrorStats.of(errors, n);
    }

    /** Validated, ascending copy; NaN would sort last and silently become the maximum, so it is rejected. */
    static double[] sortedCopy(float[] errors, int n) {
        if (errors == null) throw new IllegalArgumentException("errors is null");
        if (n <= 0) throw new IllegalArgumentException("need at least one training error to calibrate from, got " + n);
        if (n > errors.length) throw new IllegalArgumentException("n = " + n + " but only " + errors.length + " errors");
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(errors[i])) throw new IllegalArgumentException("training error " + i + " is " + errors[i]);
            s[i] = errors[i];
        }
        Arrays.sort(s);
        return s;
    }
}
