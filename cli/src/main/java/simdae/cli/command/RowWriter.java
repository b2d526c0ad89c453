package simdae.cli.command;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import simdae.cli.Json;

/**
 * Writes {@code index,label,error,anomaly} rows as CSV or JSON, to stdout or to a file. A file is written beside
 * its target and renamed into place at the end, so a failed run never leaves a partial file under the real name.
 */
final class RowWriter implements AutoCloseable {
    private final Writer w;
    private final boolean json;
    private final Path target;
    private final Path temp;
    private long rows;
    private boolean committed;

    RowWriter(PrintWriter stdout, Path file, boolean json) throws IOException {
        this.json = json;
        this.target = file;
        if (file == null) {
            this.temp = null;
            this.w = stdout;
        } else {
            if (Files.isDirectory(file)) throw new IOException(file + ": is a folder");
            this.temp = OutputFiles.tempBeside(file);
            this.w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
        }
        w.write(json ? "[" : "index,label,error,anomaly\n");
    }

    void row(long index, String label, float error, boolean anomaly) throws IOException {
        if (json) {
            w.write(rows == 0 ? "\n" : ",\n");
            w.write("{\"index\":" + index + ",\"label\":" + (label == null ? "null" : Json.str(label))
                    + ",\"error\":" + fmt(error) + ",\"anomaly\":" + anomaly + "}");
        } else {
            w.write(index + "," + (label == null ? "" : csvCell(label)) + "," + fmt(error) + "," + anomaly + "\n");
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Finishes the document and moves a file into place. */
    void commit() throws IOException {
        w.write(json ? (rows == 0 ? "]\n" : "\n]\n") : "");
        w.flush();
        if (temp != null) {
            w.close();
            OutputFiles.commit(temp, target);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (temp != null && !committed) {
            w.close();
            Files.deleteIfExists(temp);
        }
    }

    static String fmt(float e) {
        return String.format(Locale.ROOT, "%.8g", e);
    }

    private static String csvCell(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
