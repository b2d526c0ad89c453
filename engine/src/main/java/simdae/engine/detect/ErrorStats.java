package simdae.engine.detect;

import java.util.Arrays;

/**
 * Summary of a set of reconstruction errors: the statistics a threshold is calibrated from and the numbers a report
 * shows. Percentiles use linear interpolation between order statistics (numpy's default).
 *
 * @param count number of errors
 * @param mean arithmetic mean
 * @param std population standard deviation
 * @param min smallest
 * @param max largest
 * @param p50 median
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 */
public record ErrorStats(long count, double mean, double std, double min, double max,
                         double p50, double p90, double p95, double p99) {

    /** Statistics of the first {@code n} values of {@code errors}. */
    public static ErrorStats of(float[] errors, int n) {
        if (n <= 0) throw new IllegalArgumentException("no errors to summarise");
        double[] sorted = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sorted[i] = errors[i];
            sum += errors[i];
        }
        Arrays.sort(sorted);
        double mean = sum / n;
        double ss = 0;
        for (double v : sorted) ss += (v - mean) * (v - mean);
        return new ErrorStats(n, mean, Math.sqrt(ss / n), sorted[0], sorted[n - 1],
                percentileSorted(sorted, 50), percentileSorted(sorted, 90), percentileSorted(sorted, 95), percentileSorted(sorted, 99));
    }

    /** Statistics of all of {@code errors}. */
    public static ErrorStats of(float[] errors) {
        return of(errors, errors.length);
    }

    /** The {@code q}-th percentile ({@code 0..100}) of ascending {@code sorted}, linear interpolation. */
    public static double percentileSorted(double[] sorted, double q) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("percentile must be in [0, 100], got " + q);
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The {@code q}-th percentile of the first {@code n} values of {@code errors}. */
    public static double percentile(float[] errors, int n, double q) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = errors[i];
        Arrays.sort(s);
        return percentileSorted(s, q);
    }
}
