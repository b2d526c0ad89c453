package simdae.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import simdae.cli.data.DataOptions;
import simdae.cli.data.DataSource;
import simdae.cli.data.MnistOptions;
import simdae.engine.data.Dataset;
import simdae.engine.io.CsvOptions;

/**
 * How {@code DATA} arguments are read: MNIST by name, IDX files, CSV files. Pixels stay raw (0..255); the model's
 * stored preprocessing scales them, so a model scores raw input the same way from the CLI and from code.
 */
public final class DataArgs {
    @Option(names = "--labels", paramLabel = "FILE", description = "IDX labels file for an IDX images file (default: the one beside it).")
    Path labels;

    @Option(names = "--label-col", paramLabel = "COL", description = "CSV column holding labels (name or 0-based index); not a feature.")
    String labelColumn;

    @Option(names = "--ignore-cols", paramLabel = "COL", split = ",", description = "CSV columns to ignore (names or 0-based indices).")
    List<String> ignoreColumns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: comma; tab for .tsv). Use '\\t' for tab.")
    String delimiter;

    @Option(names = "--header", paramLabel = "auto|present|absent", description = "Whether a CSV's first line is a header (default: ${DEFAULT-VALUE}).")
    CsvOptions.Header header = CsvOptions.Header.AUTO;

    @Option(names = "--skip-bad-rows", description = "Skip and count CSV rows with bad cells instead of failing.")
    boolean skipBadRows;

    @Option(names = "--mnist-dir", paramLabel = "DIR", description = "Folder holding the four MNIST files, tried before any download (or $SIMDAE_MNIST_DIR).")
    Path mnistDir;

    /** The CSV options these flags describe. */
    CsvOptions csv() {
        CsvOptions c = new CsvOptions().header(header).skipBadRows(skipBadRows);
        if (delimiter != null) {
            String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1) throw new IllegalArgumentException("--delimiter must be one character, got '" + delimiter + "'");
            c.delimiter(d.charAt(0));
        }
        if (labelColumn != null) c.labelColumn(labelColumn);
        for (String s : ignoreColumns) c.ignoreColumns(s);
        return c;
    }

    /** Loads {@code spec} with raw pixel values; progress of downloads and notices go to {@code err}. */
    Dataset load(String spec, PrintWriter err, boolean quiet) throws IOException {
        DownloadProgress progress = new DownloadProgress(err, quiet);
        MnistOptions m = new MnistOptions().userDir(mnistDir).listener(progress);
        DataOptions o = new DataOptions().mnist(m).csv(csv()).labels(labels).rawValues(true).listener(progress);
        Dataset d = DataSource.load(spec, o);
        progress.done();
        return d;
    }
}
