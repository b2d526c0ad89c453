package simdae.engine.io;

import java.util.Collections;
import java.util.List;

/**
 * One block of parsed CSV rows, reused between calls of a {@link BlockConsumer}: {@link #rows()} rows of width
 * {@link #d()} at the start of {@link #x()}, and their labels when the file has a label column. Label indices refer
 * to {@link #classNames()}, which lists label texts in order of first appearance and only grows as the file is
 * read, so an index keeps its meaning for the whole stream.
 */
public final class CsvBlock {
    final float[] x;
    final int[] labels;
    final int d;
    final List<String> classNames;
    int rows;
    long firstRow;

    CsvBlock(int blockRows, int d, boolean labelled, List<String> classNames) {
        this.x = new float[blockRows * d];
        this.labels = labelled ? new int[blockRows] : null;
        this.d = d;
        this.classNames = Collections.unmodifiableList(classNames);
    }

    /** Row-major values; the first {@code rows() * d()} are valid. */
    public float[] x() { return x; }

    /** Label index per row (first {@code rows()} valid), or null when there is no label column. */
    public int[] labels() { return labels; }

    /** Rows in this block. */
    public int rows() { return rows; }

    /** Values per row. */
    public int d() { return d; }

    /** 0-based index of this block's first row among all accepted rows of the file. */
    public long firstRow() { return firstRow; }

    /** Label texts seen so far, by index (a live read-only view). */
    public List<String> classNames() { return classNames; }
}
