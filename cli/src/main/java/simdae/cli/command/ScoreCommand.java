package simdae.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.cli.data.DataSource;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.io.CsvReader;
import simdae.engine.io.CsvStats;

/**
 * {@code simdae score}: one row per sample, {@code index,label,error,anomaly}. CSV input is streamed in blocks, so
 * files of any length score in a small, fixed heap.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score every sample of DATA: one row per sample, index,label,error,anomaly (label empty when unknown).",
        footer = {"", "Examples:",
                "  simdae score --model out/mnist/model.sae --data mnist:test > scores.csv",
                "  simdae score --model sensors.sae --data today.csv --format json --out scores.json"})
public final class ScoreCommand extends BaseCommand {
    private static final int BLOCK = 4096;

    @Mixin
    ModelOnData in;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    /** Row formats. */
    public enum RowFormat { CSV, JSON }

    @Option(names = "--format", paramLabel = "csv|json", description = "Output format (default: csv).")
    RowFormat format = RowFormat.CSV;

    @Option(names = "--threshold", paramLabel = "T", description = "Override the model's threshold.")
    Double threshold;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        AnomalyDetector det = AnomalyDetector.of(ModelStore.load(in.model).model());
        if (threshold != null) det = det.withThreshold(threshold);
        long anomalies;
        long rows;
        try (RowWriter w = new RowWriter(out(), outFile, format == RowFormat.JSON)) {
            anomalies = DataSource.isCsv(in.data) ? streamCsv(det, w) : scoreAll(det, w);
            rows = w.rows();
            w.commit();
        }
        if (outFile != null) {
            err().println(String.format(Locale.ROOT, "scored %d samples, %d above threshold %.6g; wrote %s", rows, anomalies, det.threshold(), outFile));
        }
        return 0;
    }

    private long scoreAll(AnomalyDetector det, RowWriter w) throws IOException {
        Dataset d = dataArgs.load(in.data, err(), outFile == null);
        Scores s = Scores.of(det, d, det.threshold());
        for (int i = 0; i < d.n(); i++) w.row(i, label(d, i), s.errors[i], s.flagged(i));
        return s.anomalies;
    }

    private long streamCsv(AnomalyDetector det, RowWriter w) throws IOException {
        int dim = det.inputSize();
        long[] flagged = {0};
        float[] one = new float[dim];
        CsvStats stats = CsvReader.stream(Path.of(in.data), dataArgs.csv(), BLOCK, b -> {
            if (b.d() != dim) {
                throw new IllegalArgumentException(in.data + " has " + b.d() + " features per row, but the model takes " + dim
                        + " (it was trained on " + dim + "-feature data)");
            }
            float[] e;
            if (b.rows() == 1) {
                System.arraycopy(b.x(), 0, one, 0, dim);
                e = det.scoreInPlace(one, 1);
            } else {
                e = det.scoreInPlace(b.x(), b.rows());
            }
            List<String> names = b.classNames();
            for (int i = 0; i < b.rows(); i++) {
                boolean a = e[i] > det.threshold();
                if (a) flagged[0]++;
                String label = b.labels() == null ? null : name(names, b.labels()[i]);
                w.row(b.firstRow() + i, label, e[i], a);
            }
        });
        if (stats.skippedRows() > 0) err().println(in.data + ": skipped " + stats.skippedRows() + " bad rows; first: " + stats.firstSkipReason());
        return flagged[0];
    }

    private static String name(List<String> names, int label) {
        return names != null && label >= 0 && label < names.size() ? names.get(label) : Integer.toString(label);
    }

    static String label(Dataset d, int i) {
        if (!d.hasLabels()) return null;
        int l = d.labels()[i];
        String[] names = d.classNames();
        return names != null && l >= 0 && l < names.length ? names[l] : Integer.toString(l);
    }
}
