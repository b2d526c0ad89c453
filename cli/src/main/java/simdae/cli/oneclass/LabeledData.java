package simdae.cli.oneclass;

/**
 * A labelled dataset as flat arrays, independent of any file format: {@code n} rows of {@code d} features, row-major.
 *
 * @param x features, {@code n × d} row-major (for the autoencoder recipes: values in [0, 1])
 * @param labels class label per row
 * @param n rows
 * @param d features per row
 * @param classNames names indexed by label, or {@code null}
 */
public record LabeledData(float[] x, int[] labels, int n, int d, String[] classNames) {

    /** Validates the shapes; the arrays are shared, not copied. */
    public LabeledData {
        if (n < 1 || d < 1) throw new IllegalArgumentException("dataset needs n >= 1 and d >= 1, got n = " + n + ", d = " + d);
        if (x == null || x.length < (long) n * d) throw new IllegalArgumentException("x needs " + (long) n * d + " floats");
        if (labels == null || labels.length < n) throw new IllegalArgumentException("labels needs " + n + " entries");
    }

    /** A dataset without class names. */
    public LabeledData(float[] x, int[] labels, int n, int d) {
        this(x, labels, n, d, null);
    }

    /** Rows with label {@code k}, copied into a new {@code count × d} array. */
    public float[] rowsWithLabel(int k) {
        float[] out = new float[countLabel(k) * d];
        for (int i = 0, j = 0; i < n; i++) {
            if (labels[i] == k) System.arraycopy(x, i * d, out, d * j++, d);
        }
        return out;
    }

    /** Rows with label {@code k}. */
    public int countLabel(int k) {
        int c = 0;
        for (int i = 0; i < n; i++) if (labels[i] == k) c++;
        return c;
    }

    /** The first {@code n} labels (the array may be longer). */
    public int[] labelsInUse() {
        return labels.length == n ? labels : java.util.Arrays.copyOf(labels, n);
    }

    /** The name of class {@code k}, or {@code k} as text. */
    public String className(int k) {
        return classNames != null && k >= 0 && k < classNames.length ? classNames[k] : String.valueOf(k);
    }
}
