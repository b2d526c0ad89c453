package simdae.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;
import simdae.engine.data.Dataset;

/**
 * Reads numeric delimited text (CSV, TSV) into float32 rows, optionally with a label column. The file is streamed
 * in blocks through a fixed buffer, so {@link #stream} runs in memory independent of the file size; {@link #read}
 * builds on it, growing one flat array. A gzip file is decompressed transparently (detected by magic).
 *
 * <p>Errors are {@link DataFormatException}s whose message starts {@code file:line:column:} (1-based; the line is
 * where the record starts). A cell that is empty, not a number, NaN, infinite or outside the float32 range, and a
 * row with the wrong number of fields, are errors unless {@link CsvOptions#skipBadRows(boolean)} is set, in which
 * case such rows are skipped and counted in {@link CsvStats}.
 */
public final class CsvReader {
    /** Rows per block used by {@link #read}. */
    private static final int READ_BLOCK = 4096;
    /** Most values in one block (4 MB): a wide file gets fewer rows per block, never less than one. */
    private static final int BLOCK_VALUES = 1 << 20;
    private static final String NOT_A_NUMBER = "not a number: ";

    private CsvReader() {}

    /**
     * Streams {@code file} to {@code consumer} in blocks of up to {@code blockRows} rows; fewer for a wide file, so
     * that a block holds at most 2^20 values (or one row).
     *
     * @return what the pass found (rows, skipped rows, feature names, label texts by index)
     * @throws DataFormatException when the file is empty, a column reference does not resolve, no feature columns
     *                             remain, a row is bad and bad rows are not skipped, or a gzip file is corrupt
     * @throws IOException         when reading fails or the consumer throws
     * @throws IllegalArgumentException when {@code blockRows < 1}
     */
    public static CsvStats stream(Path file, CsvOptions opts, int blockRows, BlockConsumer consumer) throws IOException {
        if (blockRows < 1) throw new IllegalArgumentException("blockRows must be positive");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = open(file, name); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CsvTokenizer t = new CsvTokenizer(r, name, opts.delimiter(), opts.quote());
            List<String> f = new ArrayList<>();
            if (!nextNonBlank(t, f)) throw new DataFormatException(name + ": no data: the file is empty");
            if (f.get(0).startsWith("\uFEFF")) f.set(0, f.get(0).substring(1));
            int width = f.size();
            boolean header = hasHeader(f, opts);
            List<String> names = header ? trimmed(f) : null;

            int label = opts.labelColumn() == null ? -1 : opts.labelColumn().resolve(names, width, name, "label column");
            boolean[] dropped = new boolean[width];
            if (label >= 0) dropped[label] = true;
            for (ColumnRef c : opts.ignoredColumns()) dropped[c.resolve(names, width, name, "ignored column")] = true;
            int[] cols = new int[width];
            int d = 0;
            List<String> featureNames = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                if (dropped[c]) continue;
                cols[d++] = c;
                featureNames.add(header ? names.get(c) : "col" + c);
            }
            if (d == 0) throw new DataFormatException(name + ": no feature columns left after removing the label and ignored columns");
            cols = Arrays.copyOf(cols, d);
            int rowsPerBlock = Math.min(blockRows, Math.max(1, BLOCK_VALUES / d));

            List<String> classes = label >= 0 ? new ArrayList<>() : null;
            Map<String, Integer> classIndex = new HashMap<>();
            CsvBlock b = new CsvBlock(rowsPerBlock, d, label >= 0, classes == null ? new ArrayList<>() : classes);
            Cells cells = new Cells(name);
            long accepted = 0, skipped = 0;
            String firstSkip = null;
            boolean pending = !header; // the first record is data when there is no header
            while (pending || nextNonBlank(t, f)) {
                pending = false;
                String err = f.size() != width
                        ? name + ":" + t.recordLine() + ":" + (Math.min(f.size(), width) + 1) + ": ragged row: expected " + width + " fields, found " + f.size()
                        : cells.parseRow(f, cols, b.x, b.rows * d, t.recordLine());
                String labelText = null;
                if (err == null && label >= 0) {
                    labelText = f.get(label).trim();
                    if (labelText.isEmpty()) err = name + ":" + t.recordLine() + ":" + (label + 1) + ": empty label";
                }
                if (err != null) {
                    if (!opts.skipBadRows()) throw new DataFormatException(err);
                    if (skipped++ == 0) firstSkip = err;
                    continue;
                }
                if (label >= 0) {
                    Integer k = classIndex.get(labelText);
                    if (k == null) {
                        k = classes.size();
                        classes.add(labelText);
                        classIndex.put(labelText, k);
                    }
                    b.labels[b.rows] = k;
                }
                accepted++;
                if (++b.rows == rowsPerBlock) flush(b, consumer);
            }
            if (b.rows > 0) flush(b, consumer);
            return new CsvStats(accepted, skipped, firstSkip, header, featureNames, classes);
        }
    }

    /**
     * Reads the whole file into one dataset. Label indices are ordered by label text (numerically when every label
     * is a number, else lexicographically), so files with the same classes get the same indices whatever the row
     * order.
     *
     * @throws DataFormatException see {@link #stream}; also when the values do not fit one Java array
     * @throws IOException         when reading fails
     */
    public static CsvResult readWithStats(Path file, CsvOptions opts) throws IOException {
        Accumulator acc = new Accumulator(file);
        CsvStats stats = stream(file, opts, READ_BLOCK, acc);
        int n = (int) acc.n, d = stats.featureNames().size();
        float[] x = Arrays.copyOf(acc.x, n * d);
        int[] labels = null;
        String[] classNames = null;
        if (stats.classNames() != null) {
            List<String> byStream = stats.classNames();
            Integer[] order = new Integer[byStream.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, comparator(byStream));
            int[] remap = new int[order.length];
            classNames = new String[order.length];
            for (int i = 0; i < order.length; i++) {
                remap[order[i]] = i;
                classNames[i] = byStream.get(order[i]);
            }
            labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = remap[acc.labels[i]];
        }
        String src = file + (stats.skippedRows() > 0 ? " (" + stats.skippedRows() + " bad rows skipped)" : "");
        return new CsvResult(new Dataset(x, n, d, labels, classNames, 0, 0, src), stats);
    }

    /** The dataset of {@link #readWithStats}. @throws IOException see there */
    public static Dataset read(Path file, CsvOptions opts) throws IOException {
        return readWithStats(file, opts).dataset();
    }

    private static InputStream open(Path file, String name) throws IOException {
        try {
            return Compression.open(file);
        } catch (ZipException | EOFException e) {
            throw CsvTokenizer.corrupt(name, e);
        }
    }

    private static void flush(CsvBlock b, BlockConsumer consumer) throws IOException {
        consumer.accept(b);
        b.firstRow += b.rows;
        b.rows = 0;
    }

    private static boolean nextNonBlank(CsvTokenizer t, List<String> f) throws IOException {
        while (t.next(f)) if (!t.blank()) return true;
        return false;
    }

    /**
     * AUTO takes the first line as a header when a column must be found by name, or when one of its cells (other
     * than the label and ignored columns, which may well be text) is text. Empty cells, NaN, infinity and
     * out-of-range numbers do not count as text, so such a first row is reported as bad data rather than silently
     * swallowed as a header.
     */
    private static boolean hasHeader(List<String> first, CsvOptions o) {
        if (o.header() != CsvOptions.Header.AUTO) return o.header() == CsvOptions.Header.PRESENT;
        boolean[] skip = new boolean[first.size()];
        List<ColumnRef> refs = new ArrayList<>(o.ignoredColumns());
        if (o.labelColumn() != null) refs.add(o.labelColumn());
        for (ColumnRef c : refs) {
            if (c.needsHeader()) return true;
            int i = c.asIndex();
            if (i >= 0 && i < skip.length) skip[i] = true;
        }
        Cells probe = new Cells("");
        for (int i = 0; i < first.size(); i++) {
            if (skip[i]) continue;
            String cell = first.get(i).trim();
            String p = probe.problem(cell);
            if (p != null && p.startsWith(NOT_A_NUMBER)) return true;
        }
        return false;
    }

    private static List<String> trimmed(List<String> f) {
        List<String> out = new ArrayList<>(f.size());
        for (String s : f) out.add(s.trim());
        return out;
    }

    private static Comparator<Integer> comparator(List<String> names) {
        boolean numeric = true;
        for (String s : names) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        if (numeric) return Comparator.<Integer>comparingDouble(i -> Double.parseDouble(names.get(i))).thenComparing(names::get);
        return Comparator.comparing(names::get);
    }

    /** "NaN" or "infinity" when the cell spells one of them (any case, optional sign), else null. */
    static String nonFiniteWord(String cell) {
        String s = cell.toLowerCase(Locale.ROOT);
        if (s.startsWith("+") || s.startsWith("-")) s = s.substring(1);
        if (s.equals("nan")) return "NaN";
        if (s.equals("inf") || s.equals("infinity")) return "infinity";
        return null;
    }

    /** Parses cells, reporting the first problem with its position. */
    private static final class Cells {
        private final String name;
        private float value;

        Cells(String name) {
            this.name = name;
        }

        /** Parses the chosen columns into {@code out[at...]}; returns the error message or null. */
        String parseRow(List<String> f, int[] cols, float[] out, int at, long line) {
            for (int j = 0; j < cols.length; j++) {
                String cell = f.get(cols[j]).trim();
                String p = problem(cell);
                if (p != null) return name + ":" + line + ":" + (cols[j] + 1) + ": " + p;
                out[at + j] = value;
            }
            return null;
        }

        /** Null and {@link #value} set when {@code cell} is a finite float32, else what is wrong. */
        String problem(String cell) {
            if (cell.isEmpty()) return "empty cell";
            boolean digit = false;
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c >= '0' && c <= '9') digit = true;
                // Float.parseFloat would also accept "1f", "0x1p3" and "Infinity"; data files should not.
                else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return notNumber(cell);
            }
            if (!digit) return notNumber(cell);
            try {
                value = Float.parseFloat(cell);
            } catch (NumberFormatException e) {
                return notNumber(cell);
            }
            if (!Float.isFinite(value)) return "\"" + cell + "\" is outside the float32 range";
            return null;
        }

        private static String notNumber(String cell) {
            String w = nonFiniteWord(cell);
            if (w != null) return w + " is not allowed (\"" + cell + "\")";
            return NOT_A_NUMBER + "\"" + (cell.length() > 40 ? cell.substring(0, 40) + "..." : cell) + "\"";
        }
    }

    /** Collects blocks into one growing array for {@link #readWithStats}. */
    private static final class Accumulator implements BlockConsumer {
        private final Path file;
        float[] x = new float[0];
        int[] labels = new int[0];
        long n;

        Accumulator(Path file) {
            this.file = file;
        }

        @Override
        public void accept(CsvBlock b) throws IOException {
            long need = (n + b.rows) * b.d;
            if (need > IdxHeader.MAX_ELEMENTS)
                throw new DataFormatException(file.getFileName() + ": more than " + IdxHeader.MAX_ELEMENTS + " values do not fit one array; stream the file instead");
            if (need > x.length) x = Arrays.copyOf(x, (int) Math.min(IdxHeader.MAX_ELEMENTS, Math.max(need, 2L * x.length)));
            System.arraycopy(b.x, 0, x, (int) (n * b.d), b.rows * b.d);
            if (b.labels != null) {
                if (n + b.rows > labels.length) labels = Arrays.copyOf(labels, (int) Math.min(IdxHeader.MAX_ELEMENTS, Math.max(n + b.rows, 2L * labels.length)));
                System.arraycopy(b.labels, 0, labels, (int) n, b.rows);
            }
            n += b.rows;
        }
    }
}
