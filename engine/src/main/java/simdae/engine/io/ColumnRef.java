package simdae.engine.io;

import java.util.List;

/**
 * A reference to a CSV column: by header name, by 0-based index, or by a user's spec string that is a name when the
 * header has it and otherwise, if it is a whole number, an index.
 */
public final class ColumnRef {
    private final String text;
    private final boolean indexOnly;

    private ColumnRef(String text, boolean indexOnly) {
        this.text = text;
        this.indexOnly = indexOnly;
    }

    /** A column by 0-based index. @throws IllegalArgumentException when negative */
    public static ColumnRef index(int i) {
        if (i < 0) throw new IllegalArgumentException("column index " + i + " is negative");
        return new ColumnRef(Integer.toString(i), true);
    }

    /** A column by name, or by 0-based index when no header column has that name. */
    public static ColumnRef spec(String s) {
        if (s == null || s.isEmpty()) throw new IllegalArgumentException("empty column name");
        return new ColumnRef(s, false);
    }

    /** The index this could denote, or -1 when the text is not a whole number. */
    int asIndex() {
        if (text.isEmpty() || text.length() > 9) return -1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
        return Integer.parseInt(text);
    }

    /** Whether this can only be resolved with a header (a name that is not a number). */
    boolean needsHeader() {
        return !indexOnly && asIndex() < 0;
    }

    /**
     * The 0-based column this refers to.
     *
     * @param header the header names, or null when the file has none
     * @param width  the number of columns
     * @param file   file name, for messages
     * @param role   what the column is for ("label column"), for messages
     * @throws DataFormatException when there is no such column
     */
    int resolve(List<String> header, int width, String file, String role) throws DataFormatException {
        if (!indexOnly && header != null) {
            int at = header.indexOf(text);
            if (at < 0) for (int i = 0; i < header.size() && at < 0; i++) if (header.get(i).trim().equals(text)) at = i;
            if (at >= 0) return at;
        }
        int i = asIndex();
        if (i >= 0) {
            if (i < width) return i;
            throw new DataFormatException(file + ": " + role + " index " + i + " is out of range: the file has " + width + " columns (0.." + (width - 1) + ")");
        }
        if (header == null) throw new DataFormatException(file + ": " + role + " '" + text + "' is a name, but the file has no header");
        throw new DataFormatException(file + ": no " + role + " named '" + text + "'; columns are " + String.join(", ", header));
    }

    @Override
    public String toString() {
        return text;
    }
}
