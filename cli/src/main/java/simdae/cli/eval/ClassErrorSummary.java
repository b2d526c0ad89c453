package simdae.cli.eval;

import simdae.engine.detect.ErrorStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Box-plot numbers of one class's errors. Quartiles use numpy's linear interpolation; whiskers follow Tukey
 * (matplotlib's default): the most extreme errors still within {@code 1.5·IQR} of the box.
 *
 * @param label the class label
 * @param name the class name (the label as text when no names were given)
 * @param count errors in the class
 * @param min smallest error
 * @param q1 25th percentile
 * @param median 50th percentile
 * @param q3 75th percentile
 * @param max largest error
 * @param lowerWhisker smallest error {@code >= q1 - 1.5·IQR}
 * @param upperWhisker largest error {@code <= q3 + 1.5·IQR}
 * @param outliers errors outside the whiskers
 */
public record ClassErrorSummary(int label, String name, int count, double min, double q1, double median, double q3,
                                double max, double lowerWhisker, double upperWhisker, int outliers) {

    /** Interquartile range {@code q3 - q1}. */
    public double iqr() {
        return q3 - q1;
    }

    /**
     * One summary per label present in {@code labels}, in ascending label order.
     *
     * @param errors per-sample errors (or any scores), parallel to {@code labels}
     * @param classNames names indexed by label, or {@code null} to use the labels as names
     */
    public static List<ClassErrorSummary> perClass(float[] errors, int[] labels, String[] classNames) {
        if (errors.length != labels.length) throw new IllegalArgumentException(errors.length + " errors but " + labels.length + " labels");
        int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
        List<ClassErrorSummary> out = new ArrayList<>(distinct.length);
        for (int label : distinct) {
            double[] v = Arrays.stream(indicesOf(labels, label)).mapToDouble(i -> errors[i]).sorted().toArray();
            String name = classNames != null && label >= 0 && label < classNames.length ? classNames[label] : String.valueOf(label);
            out.add(of(label, name, v));
        }
        return out;
    }

    /** The summary of one class's ascending-sorted errors. */
    static ClassErrorSummary of(int label, String name, double[] sorted) {
        double q1 = ErrorStats.percentileSorted(sorted, 25);
        double med = ErrorStats.percentileSorted(sorted, 50);
        double q3 = ErrorStats.percentileSorted(sorted, 75);
        double lowFence = q1 - 1.5 * (q3 - q1), highFence = q3 + 1.5 * (q3 - q1);
        double lo = Double.NaN, hi = Double.NaN;
        int outliers = 0;
        for (double v : sorted) {
            if (v < lowFence || v > highFence) {
                outliers++;
                continue;
            }
            if (Double.isNaN(lo)) lo = v;
            hi = v;
        }
        return new ClassErrorSummary(label, name, sorted.length, sorted[0], q1, med, q3, sorted[sorted.length - 1], lo, hi, outliers);
    }

    private static int[] indicesOf(int[] labels, int label) {
        int c = 0;
        for (int l : labels) if (l == label) c++;
        int[] idx = new int[c];
        for (int i = 0, j = 0; i < labels.length; i++) if (labels[i] == label) idx[j++] = i;
        return idx;
    }
}
