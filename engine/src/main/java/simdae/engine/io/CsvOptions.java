package simdae.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link CsvReader} interprets a delimited text file. Fluent setters. Columns are named either by header name
 * or by 0-based index; a spec string that matches a header name is that column, otherwise a whole number is an
 * index.
 */
public final class CsvOptions {
    /** Whether the first non-blank line is a header. */
    public enum Header {
        /** A header when the first line has a non-numeric cell (label and ignored columns aside). */
        AUTO,
        /** The first line is a header. */
        PRESENT,
        /** Every line is data. */
        ABSENT
    }

    private char delimiter = ',';
    private boolean delimiterSet;
    private char quote = '"';
    private Header header = Header.AUTO;
    private ColumnRef labelColumn;
    private final List<ColumnRef> ignored = new ArrayList<>();
    private boolean skipBadRows;

    /** Default options: comma, double quote, header auto-detected, no label column, bad rows fail. */
    public CsvOptions() {}

    /** An independent copy, so a caller can adjust options (e.g. the delimiter for a .tsv) without side effects. */
    public CsvOptions copy() {
        CsvOptions c = new CsvOptions();
        c.delimiter = delimiter;
        c.delimiterSet = delimiterSet;
        c.quote = quote;
        c.header = header;
        c.labelColumn = labelColumn;
        c.ignored.addAll(ignored);
        c.skipBadRows = skipBadRows;
        return c;
    }

    /** Sets the field delimiter (default ','). @return this */
    public CsvOptions delimiter(char c) {
        if (c == '\n' || c == '\r' || c == quote) throw new IllegalArgumentException("bad delimiter " + (int) c);
        this.delimiter = c;
        this.delimiterSet = true;
        return this;
    }

    /** The field delimiter. */
    public char delimiter() { return delimiter; }

    /** Whether the delimiter was set explicitly (otherwise a caller may pick one from the file extension). */
    public boolean delimiterSet() { return delimiterSet; }

    /** Sets the quote character (default '"'). @return this */
    public CsvOptions quote(char c) { this.quote = c; return this; }

    /** The quote character. */
    public char quote() { return quote; }

    /** Sets whether there is a header (default AUTO). @return this */
    public CsvOptions header(Header h) { this.header = h; return this; }

    /** Whether there is a header. */
    public Header header() { return header; }

    /** Sets the label column by header name or 0-based index (as text, e.g. from {@code --label-col}); null for none. @return this */
    public CsvOptions labelColumn(String spec) { this.labelColumn = spec == null ? null : ColumnRef.spec(spec); return this; }

    /** Sets the label column by 0-based index. @return this */
    public CsvOptions labelColumn(int index) { this.labelColumn = ColumnRef.index(index); return this; }

    /** The label column, or null. */
    public ColumnRef labelColumn() { return labelColumn; }

    /** Adds columns to ignore, by header name or 0-based index. @return this */
    public CsvOptions ignoreColumns(String... specs) { for (String s : specs) ignored.add(ColumnRef.spec(s)); return this; }

    /** Adds columns to ignore by 0-based index. @return this */
    public CsvOptions ignoreColumns(int... indices) { for (int i : indices) ignored.add(ColumnRef.index(i)); return this; }

    /** The ignored columns. */
    public List<ColumnRef> ignoredColumns() { return List.copyOf(ignored); }

    /** When true, rows with a bad cell or the wrong field count are skipped and counted instead of failing. @return this */
    public CsvOptions skipBadRows(boolean skip) { this.skipBadRows = skip; return this; }

    /** Whether bad rows are skipped. */
    public boolean skipBadRows() { return skipBadRows; }
}
