package simdae.engine.io;

import java.io.IOException;

/**
 * A data file is readable but its content is wrong: a bad header, a size that does not match, a cell that is not a
 * number. The message always starts with the file name (and, for text, {@code line:column}) so a user can find the
 * problem without a stack trace.
 */
public class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the full message, starting with the file name */
    public DataFormatException(String message) {
        super(message);
    }

    /** @param message the full message, starting with the file name @param cause the underlying failure */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
