package simdae.cli.data;

import simdae.engine.io.CsvOptions;

import java.nio.file.Path;

/** Options for {@link DataSource#load}: one set per kind of source, plus what applies to all. Fluent setters. */
public final class DataOptions {
    private MnistOptions mnist = new MnistOptions();
    private CsvOptions csv = new CsvOptions();
    private Path labels;
    private boolean rawValues;
    private ProgressListener listener = ProgressListener.SILENT;

    /** Defaults: see {@link MnistOptions} and {@link CsvOptions}; labels paired automatically; pixels scaled. */
    public DataOptions() {}

    /** Sets how MNIST is found. @return this */
    public DataOptions mnist(MnistOptions m) { this.mnist = m; return this; }

    /** How MNIST is found. */
    public MnistOptions mnist() { return mnist; }

    /** Sets how CSV files are parsed. @return this */
    public DataOptions csv(CsvOptions c) { this.csv = c; return this; }

    /** How CSV files are parsed. */
    public CsvOptions csv() { return csv; }

    /** Sets the labels file for an IDX images file explicitly (otherwise one beside it is paired by name). @return this */
    public DataOptions labels(Path p) { this.labels = p; return this; }

    /** The explicit IDX labels file, or null. */
    public Path labels() { return labels; }

    /** When true IDX/MNIST ubyte pixels stay 0..255 instead of being scaled to [0, 1]. @return this */
    public DataOptions rawValues(boolean raw) { this.rawValues = raw; return this; }

    /** Whether ubyte pixels stay 0..255. */
    public boolean rawValues() { return rawValues; }

    /** Sets who hears about progress and notices (e.g. skipped CSV rows); also used for MNIST fetches. @return this */
    public DataOptions listener(ProgressListener l) { this.listener = l == null ? ProgressListener.SILENT : l; return this; }

    /** The listener. */
    public ProgressListener listener() { return listener; }
}
