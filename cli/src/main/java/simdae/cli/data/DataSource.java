package simdae.cli.data;

import simdae.engine.io.Compression;
import simdae.engine.io.CsvOptions;
import simdae.engine.io.CsvReader;
import simdae.engine.io.CsvResult;
import simdae.engine.io.DataFormatException;
import simdae.engine.io.IdxFiles;
import simdae.engine.io.IdxReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import simdae.engine.data.Dataset;

/**
 * Turns the CLI's {@code DATA} argument into a dataset:
 * <ul>
 *   <li>{@code mnist} or {@code mnist:train} — the MNIST training split; {@code mnist:test} — the test split;</li>
 *   <li>a path to an IDX images file (raw or gzip), paired with its labels file when one sits beside it
 *       ({@code train-images-idx3-ubyte} ↔ {@code train-labels-idx1-ubyte}, {@code foo-images.idx} ↔
 *       {@code foo-labels.idx}, with or without {@code .gz}) or when given in {@link DataOptions#labels(Path)};</li>
 *   <li>a path to a CSV file: by extension ({@code .csv}, {@code .tsv}, {@code .txt}, optionally {@code .gz};
 *       {@code .tsv} defaults to tab-separated), or for other names by sniffing the content (IDX magic vs text).</li>
 * </ul>
 */
public final class DataSource {
    private static final String USAGE = "DATA is mnist, mnist:train, mnist:test, an IDX images file or a CSV file";

    private DataSource() {}

    /**
     * Loads the data named by {@code spec}.
     *
     * @throws NoSuchFileException       when {@code spec} is neither a MNIST name nor an existing file (one line, with
     *                                   the accepted forms)
     * @throws DataFormatException       when the MNIST split is unknown, the file is neither IDX nor text, or it is
     *                                   malformed (see {@link IdxReader} and {@link CsvReader})
     * @throws MnistUnavailableException when MNIST is requested but cannot be obtained
     * @throws IOException               when reading fails
     */
    public static Dataset load(String spec, DataOptions opts) throws IOException {
        if (spec == null || spec.isBlank()) throw new NoSuchFileException("(empty)", null, "no data given; " + USAGE);
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("mnist") || lower.startsWith("mnist:")) {
            String split = lower.equals("mnist") ? "train" : lower.substring(6);
            if (!split.equals("train") && !split.equals("test"))
                throw new DataFormatException(spec + ": unknown MNIST split '" + split + "' (use mnist, mnist:train or mnist:test)");
            MnistOptions m = opts.mnist();
            if (opts.rawValues()) m.rawValues(true);
            if (m.listener() == ProgressListener.SILENT) m.listener(opts.listener());
            return Mnist.load(split.equals("train"), m);
        }
        Path p = Paths.get(spec);
        if (!Files.exists(p)) throw new NoSuchFileException(spec, null, "no such file; " + USAGE);
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(spec, null, "not a regular file; " + USAGE);
        switch (kind(p)) {
            case CSV:
                return csv(p, opts);
            case IDX:
                return idx(p, opts);
            default:
                throw new DataFormatException(p.getFileName() + ": neither an IDX file nor text; " + USAGE);
        }
    }

    /** True when {@code spec} names an existing CSV/TSV file (which can then be streamed rather than loaded). */
    public static boolean isCsv(String spec) throws IOException {
        if (spec == null || spec.toLowerCase(Locale.ROOT).startsWith("mnist")) return false;
        Path p = Paths.get(spec);
        return Files.isRegularFile(p) && kind(p) == Kind.CSV;
    }

    private enum Kind { CSV, IDX, UNKNOWN }

    /** By name when it is telling, else by content; the name never decides about compression. */
    private static Kind kind(Path p) throws IOException {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) return Kind.CSV;
        if (n.endsWith(".idx") || n.matches(".*[-.]idx\\d-u?byte")) return Kind.IDX;
        if (IdxReader.looksLikeIdx(p)) return Kind.IDX;
        return isText(p) ? Kind.CSV : Kind.UNKNOWN;
    }

    /** Text has no NUL bytes in its first 4 KiB; binary formats almost always do. */
    private static boolean isText(Path p) throws IOException {
        try (InputStream in = Compression.open(p)) {
            byte[] head = in.readNBytes(4096);
            if (head.length == 0) return true;
            for (byte b : head) if (b == 0) return false;
            return true;
        }
    }

    private static Dataset idx(Path p, DataOptions opts) throws IOException {
        Path labels = opts.labels() != null ? opts.labels() : IdxFiles.findLabels(p);
        if (labels != null) opts.listener().message("labels: " + labels);
        return IdxReader.readImages(p, labels, opts.rawValues());
    }

    private static Dataset csv(Path p, DataOptions opts) throws IOException {
        CsvOptions c = opts.csv();
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!c.delimiterSet() && (n.endsWith(".tsv") || n.endsWith(".tsv.gz"))) c = c.copy().delimiter('\t');
        CsvResult r = CsvReader.readWithStats(p, c);
        if (r.stats().skippedRows() > 0)
            opts.listener().message(p.getFileName() + ": skipped " + r.stats().skippedRows() + " bad rows; first: " + r.stats().firstSkipReason());
        return r.dataset();
    }
}
