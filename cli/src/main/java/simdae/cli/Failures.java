package simdae.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** Turns a failure into the one line a user reads: the message, never the stack trace. */
public final class Failures {
    private Failures() {}

    /** One line for {@code t}: its message (or its cause's), with the file name where the JDK leaves it bare. */
    public static String oneLine(Throwable t) {
        Throwable e = t;
        while ((e instanceof UncheckedIOException || e.getMessage() == null) && e.getCause() != null) e = e.getCause();
        String msg;
        if (e instanceof NoSuchFileException) {
            NoSuchFileException n = (NoSuchFileException) e;
            msg = n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file");
        } else if (e instanceof AccessDeniedException) {
            msg = ((AccessDeniedException) e).getFile() + ": permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            msg = ((FileAlreadyExistsException) e).getFile() + ": already exists";
        } else if (e instanceof OutOfMemoryError) {
            msg = "out of memory (" + e.getMessage() + "); give the JVM more heap with -Xmx or use a smaller --batch";
        } else {
            msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ').replace('\r', ' ');
    }
}
