package simdae.engine.io;

import java.io.IOException;

/** Receives the rows of a streamed CSV file a block at a time. */
@FunctionalInterface
public interface BlockConsumer {
    /**
     * Handles one block. The block and its arrays are reused for the next call: copy what must outlive it.
     *
     * @throws IOException to abort the stream (it is passed through to the caller)
     */
    void accept(CsvBlock block) throws IOException;
}
