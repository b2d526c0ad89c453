package simdae.engine.io;

import java.util.List;

/** What a CSV pass found: rows accepted and skipped, the columns used, and the label texts. */
public final class CsvStats {
    private final long rows;
    private final long skippedRows;
    private final String firstSkipReason;
    private final boolean header;
    private final List<String> featureNames;
    private final List<String> classNames;

    CsvStats(long rows, long skippedRows, String firstSkipReason, boolean header, List<String> featureNames, List<String> classNames) {
        this.rows = rows;
        this.skippedRows = skippedRows;
        this.firstSkipReason = firstSkipReason;
        this.header = header;
        this.featureNames = List.copyOf(featureNames);
        this.classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** Data rows accepted. */
    public long rows() { return rows; }

    /** Rows skipped as bad (only non-zero with {@link CsvOptions#skipBadRows(boolean)}). */
    public long skippedRows() { return skippedRows; }

    /** The error for the first skipped row (with file:line:column), or null when none was skipped. */
    public String firstSkipReason() { return firstSkipReason; }

    /** Whether the first line was taken as a header. */
    public boolean hasHeader() { return header; }

    /** The names of the feature columns in order: header names, or "col&lt;index&gt;" without a header. */
    public List<String> featureNames() { return featureNames; }

    /** Label texts by streaming index (first appearance), or null when there is no label column. */
    public List<String> classNames() { return classNames; }
}
