package simdae.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming reader for (ustar / GNU / pax) tar archives: enough to pull regular files out of a package
 * tarball without a dependency. Pax and GNU long-name records are honoured for names; other metadata is ignored.
 */
public final class TarReader {
    private static final int BLOCK = 512;
    private final InputStream in;
    private long remaining;
    private long padding;
    private String name;
    private long size;
    private char type;

    /** @param in the uncompressed tar stream */
    public TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * Advances to the next entry, skipping whatever of the current one was not read.
     *
     * @return false at the end of the archive
     * @throws IOException when the archive is truncated or a header is corrupt
     */
    public boolean next() throws IOException {
        skipFully(remaining + padding);
        String longName = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0) return false;
            if (h.length < BLOCK) throw new IOException("truncated tar header");
            if (isZero(h)) return false;
            checkSum(h);
            char t = (char) (h[156] == 0 ? '0' : h[156]);
            long sz = octal(h, 124, 12);
            if (t == 'L' || t == 'x') {
                byte[] meta = in.readNBytes((int) sz);
                if (meta.length < sz) throw new IOException("truncated tar metadata");
                skipFully(pad(sz));
                String found = t == 'L' ? cstring(meta, 0, meta.length) : paxPath(meta);
                if (found != null) longName = found;
                continue;
            }
            String n = cstring(h, 0, 100);
            if ("ustar".equals(cstring(h, 257, 6).trim())) {
                String prefix = cstring(h, 345, 155);
                if (!prefix.isEmpty()) n = prefix + "/" + n;
            }
            name = longName != null ? longName : n;
            size = sz;
            type = t;
            remaining = (t == '0' || t == '7') ? sz : 0;
            padding = (t == '0' || t == '7') ? pad(sz) : 0;
            // Non-file entries with a size (rare) still carry data that must be skipped.
            if (t != '0' && t != '7') skipFully(sz + pad(sz));
            return true;
        }
    }

    /** The current entry's path inside the archive. */
    public String name() { return name; }

    /** The current entry's size in bytes. */
    public long size() { return size; }

    /** Whether the current entry is a regular file. */
    public boolean isFile() { return type == '0' || type == '7'; }

    /** A stream over the current entry's content, ending at its end; closing it does not close the archive. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) return -1;
                int r = in.read(b, off, (int) Math.min(len, remaining));
                if (r < 0) throw new IOException("truncated tar entry " + name);
                remaining -= r;
                return r;
            }
        };
    }

    private static long pad(long sz) {
        return (BLOCK - sz % BLOCK) % BLOCK;
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) throw new IOException("truncated tar archive");
                s = 1;
            }
            n -= s;
        }
        remaining = 0;
        padding = 0;
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) if (b != 0) return false;
        return true;
    }

    private static void checkSum(byte[] h) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
        if (sum != octal(h, 148, 8)) throw new IOException("corrupt tar header (checksum mismatch)");
    }

    private static long octal(byte[] h, int off, int len) throws IOException {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (v > 0) break;
                continue;
            }
            if (b < '0' || b > '7') throw new IOException("corrupt tar header (bad octal field)");
            v = v * 8 + (b - '0');
        }
        return v;
    }

    private static String cstring(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    /** The {@code path} value of a pax extended header ("<len> path=<value>\n" records), or null. */
    private static String paxPath(byte[] meta) {
        String s = new String(meta, StandardCharsets.UTF_8);
        for (String rec : s.split("\n")) {
            int sp = rec.indexOf(' ');
            if (sp > 0 && rec.startsWith("path=", sp + 1)) return rec.substring(sp + 6);
        }
        return null;
    }
}
