package simdae.cli.data;

import java.io.IOException;

/** No source could provide a verified MNIST file; the message lists every source tried and why it failed. */
public final class MnistUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the full message, listing the attempts and how to provide the files by hand */
    public MnistUnavailableException(String message) {
        super(message);
    }
}
