package simdae.cli.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * One place MNIST files can come from. A source only hands out bytes; the cache decompresses, verifies the SHA-256
 * and writes atomically, so a source cannot leave a bad file behind.
 */
public interface MnistSource extends Closeable {
    /** A short description for messages, e.g. the folder or URL. */
    String description();

    /**
     * Opens the content of {@code file}, raw or gzip-compressed (detected by magic).
     *
     * @param file     which file
     * @param listener receives progress of any slow preparation (a download, running a package client)
     * @throws IOException when this source cannot provide the file; the message says why
     */
    InputStream open(MnistFile file, ProgressListener listener) throws IOException;

    /** Releases temporary resources; a no-op unless the source made some. */
    @Override
    default void close() throws IOException {}
}
