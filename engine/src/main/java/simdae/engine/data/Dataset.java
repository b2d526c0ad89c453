package simdae.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A table of {@code n} float32 rows of width {@code d}, stored row-major in one flat array, with optional integer
 * labels, the label names, and an optional image shape.
 *
 * <p>Immutable by convention: the accessors hand out the internal arrays without copying, because a copy of
 * MNIST's 188 MB of pixels per call would defeat the flat-buffer design. Callers must not modify them; derive new
 * datasets with {@link #subset(int[])} or {@link #filterByLabel(int)} instead.
 *
 * <p>Invariants checked by the constructor: {@code x.length == n * d}; when labels are present there are exactly
 * {@code n} of them and each is a valid index into {@code classNames}; {@code rows * cols == d} when a shape is
 * given.
 */
public final class Dataset {
    private final float[] x;
    private final int n;
    private final int d;
    private final int[] labels;
    private final String[] classNames;
    private final int rows;
    private final int cols;
    private final String source;

    /**
     * A dataset over the given arrays (not copied).
     *
     * @param x          {@code n × d} values, row-major
     * @param n          number of rows, {@code >= 0}
     * @param d          values per row, {@code >= 1}
     * @param labels     one label per row, each an index into {@code classNames}; or {@code null} when unlabelled
     * @param classNames label index → original label text; {@code null} exactly when {@code labels} is
     * @param rows       image height, or 0 when the rows are not images
     * @param cols       image width, or 0 when the rows are not images
     * @param source     a human-readable description of where the data came from
     * @throws IllegalArgumentException when the invariants above do not hold
     */
    public Dataset(float[] x, int n, int d, int[] labels, String[] classNames, int rows, int cols, String source) {
        Objects.requireNonNull(x, "x");
        if (n < 0 || d < 1) throw new IllegalArgumentException("bad shape n=" + n + ", d=" + d);
        if ((long) n * d != x.length) throw new IllegalArgumentException("x has " + x.length + " values, expected n*d = " + (long) n * d);
        if ((labels == null) != (classNames == null)) throw new IllegalArgumentException("labels and classNames must both be present or both be null");
        if (labels != null) {
            if (labels.length != n) throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= classNames.length)
                    throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside the " + classNames.length + " classes");
            }
        }
        if (rows < 0 || cols < 0 || (rows == 0) != (cols == 0) || (rows > 0 && (long) rows * cols != d))
            throw new IllegalArgumentException("image shape " + rows + "x" + cols + " does not match d=" + d);
        this.x = x;
        this.n = n;
        this.d = d;
        this.labels = labels;
        this.classNames = classNames;
        this.rows = rows;
        this.cols = cols;
        this.source = source == null ? "" : source;
    }

    /** An unlabelled, non-image dataset. */
    public static Dataset of(float[] x, int n, int d, String source) {
        return new Dataset(x, n, d, null, null, 0, 0, source);
    }

    /** The flat {@code n × d} values (shared, do not modify). */
    public float[] x() { return x; }

    /** Number of rows. */
    public int n() { return n; }

    /** Values per row. */
    public int d() { return d; }

    /** Per-row label indices into {@link #classNames()} (shared, do not modify), or {@code null}. */
    public int[] labels() { return labels; }

    /** Label index → original label text (shared, do not modify), or {@code null}. */
    public String[] classNames() { return classNames; }

    /** Image height, or 0 when the rows are not images. */
    public int rows() { return rows; }

    /** Image width, or 0 when the rows are not images. */
    public int cols() { return cols; }

    /** Where the data came from, for messages and reports. */
    public String source() { return source; }

    /** Whether the rows carry labels. */
    public boolean hasLabels() { return labels != null; }

    /** Whether the rows are images of {@link #rows()} × {@link #cols()}. */
    public boolean isImage() { return rows > 0; }

    /** A copy of row {@code i}. @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, n)} */
    public float[] row(int i) {
        Objects.checkIndex(i, n);
        return Arrays.copyOfRange(x, i * d, i * d + d);
    }

    /**
     * The index of the class whose original text is {@code name}, or -1 when there is no such class (or no labels).
     * Lets a CLI option such as "normal class 3" refer to label text rather than to internal indices.
     */
    public int classIndex(String name) {
        if (classNames == null) return -1;
        for (int i = 0; i < classNames.length; i++) if (classNames[i].equals(name)) return i;
        return -1;
    }

    /**
     * A new dataset with rows {@code idx[0]}, {@code idx[1]}, ... in that order (repeats allowed). Class names and
     * shape are kept, so label indices stay comparable with this dataset's.
     *
     * @throws IndexOutOfBoundsException when an index is not in {@code [0, n)}
     */
    public Dataset subset(int[] idx) {
        if ((long) idx.length * d > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("subset too large");
        float[] sx = new float[idx.length * d];
        int[] sl = labels == null ? null : new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            int i = Objects.checkIndex(idx[k], n);
            System.arraycopy(x, i * d, sx, k * d, d);
            if (sl != null) sl[k] = labels[i];
        }
        return new Dataset(sx, idx.length, d, sl, classNames, rows, cols, source);
    }

    /**
     * The rows whose label index is {@code label}, in their original order.
     *
     * @throws IllegalStateException when the dataset has no labels
     */
    public Dataset filterByLabel(int label) {
        if (labels == null) throw new IllegalStateException("dataset has no labels: " + source);
        int count = 0;
        for (int l : labels) if (l == label) count++;
        int[] idx = new int[count];
        for (int i = 0, k = 0; i < n; i++) if (labels[i] == label) idx[k++] = i;
        return subset(idx);
    }

    @Override
    public String toString() {
        return source + " [" + n + " x " + d + (rows > 0 ? " (" + rows + "x" + cols + ")" : "")
                + (labels != null ? ", " + classNames.length + " classes" : "") + "]";
    }
}
