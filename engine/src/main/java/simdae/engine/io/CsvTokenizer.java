package simdae.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Splits delimited text into records of fields following RFC 4180: fields may be quoted, a doubled quote inside a
 * quoted field is one quote, and quoted fields may contain the delimiter and line breaks. Reads through a fixed
 * buffer, so memory does not grow with the file. {@code \r\n}, {@code \n} and {@code \r} all end a line.
 */
final class CsvTokenizer {
    private final Reader in;
    private final String name;
    private final char delim;
    private final char quote;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder sb = new StringBuilder();
    private int pos;
    private int lim;
    private int pushed = -2;
    private long line = 1;
    private long recordLine;
    private boolean blank;

    CsvTokenizer(Reader in, String name, char delim, char quote) {
        this.in = in;
        this.name = name;
        this.delim = delim;
        this.quote = quote;
    }

    /** The 1-based line where the last record started. */
    long recordLine() { return recordLine; }

    /** Whether the last record was an empty or whitespace-only line (callers skip those). */
    boolean blank() { return blank; }

    /**
     * Reads the next record into {@code out}.
     *
     * @return false at the end of the input
     * @throws DataFormatException on an unterminated quote or text after a closing quote
     */
    boolean next(List<String> out) throws IOException {
        out.clear();
        int c = read();
        if (c < 0) return false;
        recordLine = line - (c == '\n' ? 1 : 0);
        boolean quoted = false;
        while (true) {
            sb.setLength(0);
            if (c == quote) {
                quoted = true;
                long opened = line;
                while (true) {
                    c = read();
                    if (c < 0) throw new DataFormatException(name + ":" + opened + ":" + (out.size() + 1) + ": unterminated quoted field");
                    if (c == quote) {
                        int d = read();
                        if (d == quote) { sb.append(quote); continue; }
                        c = d;
                        break;
                    }
                    sb.append((char) c);
                }
                if (c != delim && c != '\n' && c >= 0)
                    throw new DataFormatException(name + ":" + line + ":" + (out.size() + 1) + ": unexpected '" + (char) c + "' after a closing quote");
            } else {
                while (c != delim && c != '\n' && c >= 0) {
                    sb.append((char) c);
                    c = read();
                }
            }
            out.add(sb.toString());
            if (c != delim) break;
            c = read();
        }
        blank = !quoted && out.size() == 1 && out.get(0).isBlank();
        return true;
    }

    /** The next char with every line break folded into one {@code '\n'}, counted; -1 at the end. */
    private int read() throws IOException {
        int c;
        if (pushed != -2) {
            c = pushed;
            pushed = -2;
        } else {
            c = raw();
        }
        if (c == '\r') {
            int d = raw();
            if (d != '\n') pushed = d;
            c = '\n';
        }
        if (c == '\n') line++;
        return c;
    }

    /** A damaged gzip file is bad data, reported like any other: a DataFormatException naming the file. */
    static DataFormatException corrupt(String name, IOException e) {
        return new DataFormatException(name + ": corrupt or truncated gzip stream: " + e.getMessage(), e);
    }

    private int raw() throws IOException {
        if (pos == lim) {
            try {
                lim = in.read(buf, 0, buf.length);
            } catch (ZipException | EOFException e) {
                throw corrupt(name, e);
            }
            pos = 0;
            if (lim <= 0) {
                lim = 0;
                return -1;
            }
        }
        return buf[pos++];
    }
}
