package simdae.cli.data;

/**
 * Receives progress of slow data operations (downloads, unpacking) so a front end can render it; the library itself
 * stays silent by default ({@link #SILENT}).
 */
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void progress(String task, long done, long total) {}
    };

    /**
     * Bytes (or items) of {@code task} done so far.
     *
     * @param task  what is in progress, e.g. "train-images-idx3-ubyte from" plus the mirror URL
     * @param done  amount done so far
     * @param total the total, or -1 when unknown
     */
    void progress(String task, long done, long total);

    /** A one-line notice, e.g. which source is being tried or why one failed. Ignored by default. */
    default void message(String text) {}
}
