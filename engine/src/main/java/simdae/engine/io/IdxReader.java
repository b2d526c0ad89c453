package simdae.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import simdae.engine.data.Dataset;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed; gzip is recognised by its magic bytes, never by the
 * file name. Every size claimed by the header is checked before it is trusted: for raw files against the file
 * length before allocating, for gzip by reading in bounded chunks into an array that grows only as data actually
 * arrives. A file must hold exactly the data its header describes: too little is "truncated", more is
 * "trailing bytes". All such failures are {@link DataFormatException}s naming the file.
 */
public final class IdxReader {
    private static final int CHUNK = 1 << 16;
    /** First allocation for gzip data, whose true length is unknown until the stream ends. */
    private static final int GZIP_INITIAL = 1 << 20;

    private IdxReader() {}

    /**
     * Reads just the header of {@code file}, validated (including, for raw files, the length check).
     *
     * @throws DataFormatException when the header is invalid, a raw file's length does not match it, or the gzip
     *                             stream is corrupt
     * @throws IOException         when the file cannot be read
     */
    public static IdxHeader readHeader(Path file) throws IOException {
        try (InputStream in = Compression.open(file)) {
            return IdxHeader.read(in, name(file), rawSize(file));
        } catch (ZipException | EOFException e) {
            throw corrupt(name(file), e);
        }
    }

    /**
     * Whether {@code file} starts like an IDX file: zero magic, a known type code and a plausible rank. Used to sniff
     * files with no telling extension; does not validate sizes. A corrupt gzip file does not look like one.
     *
     * @throws IOException when the file cannot be read
     */
    public static boolean looksLikeIdx(Path file) throws IOException {
        try (InputStream in = Compression.open(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0 && m[1] == 0 && IdxType.fromCode(m[2] & 0xFF) != null
                    && (m[3] & 0xFF) >= 1 && (m[3] & 0xFF) <= IdxHeader.MAX_DIMS;
        } catch (ZipException | EOFException e) {
            return false;
        }
    }

    /**
     * Reads a whole IDX file as floats.
     *
     * @param file       the file, raw or gzip
     * @param scaleUbyte when true and the type is ubyte, values are divided by 255 into [0, 1] (pixel scaling);
     *                   otherwise values are converted unchanged
     * @throws DataFormatException when the header is invalid, the data is truncated or followed by trailing bytes, or
     *                             the gzip stream is corrupt
     * @throws IOException         when the file cannot be read
     */
    public static IdxArray read(Path file, boolean scaleUbyte) throws IOException {
        String name = name(file);
        long size = rawSize(file);
        try {
            return read(Compression.open(file), name, size, scaleUbyte);
        } catch (ZipException | EOFException e) {
            throw corrupt(name, e);
        }
    }

    /**
     * Reads a whole IDX stream, raw or gzip, as floats (see {@link #read(Path, boolean)}). Its length is unknown, so
     * the values are read in bounded chunks into an array that grows only as data arrives. Reads {@code in} to its
     * end and closes it.
     *
     * @param name names the data in error messages
     * @throws DataFormatException as {@link #read(Path, boolean)}
     * @throws IOException         when reading fails
     */
    public static IdxArray read(InputStream in, String name, boolean scaleUbyte) throws IOException {
        try (InputStream raw = in) {
            return read(Compression.decompressing(raw), name, -1, scaleUbyte);
        } catch (ZipException | EOFException e) {
            throw corrupt(name, e);
        }
    }

    private static IdxArray read(InputStream data, String name, long size, boolean scaleUbyte) throws IOException {
        try (InputStream in = data) {
            IdxHeader h = IdxHeader.read(in, name, size);
            float[] v = new Body(in, name, h, size >= 0).floats(scaleUbyte && h.type() == IdxType.UBYTE);
            return new IdxArray(h, v);
        }
    }

    private static DataFormatException corrupt(String name, IOException e) {
        return new DataFormatException(name + ": corrupt or truncated gzip stream: " + e.getMessage(), e);
    }

    /**
     * Reads an IDX labels file: an integer type with shape [n] or [n, 1], values returned exactly.
     *
     * @throws DataFormatException when the file is malformed (see {@link #read(Path, boolean)}), has a float type, or
     *                             has another shape
     * @throws IOException         when the file cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        String name = name(file);
        try (InputStream in = Compression.open(file)) {
            long size = rawSize(file);
            IdxHeader h = IdxHeader.read(in, name, size);
            if (!h.type().isInteger()) throw new DataFormatException(name + ": labels must have an integer type, file has " + h.describe());
            if (h.rank() > 2 || (h.rank() == 2 && h.dim(1) != 1))
                throw new DataFormatException(name + ": labels must have shape [n] or [n, 1], file has " + h.describe());
            return new Body(in, name, h, size >= 0).ints();
        } catch (ZipException | EOFException e) {
            throw corrupt(name, e);
        }
    }

    /**
     * Reads an images file (first dimension = item count, the rest flattened into one row) and optionally its labels.
     * A [n, rows, cols] file gives an image dataset of that shape; other ranks give plain rows.
     *
     * <p>Labels become class indices with {@code classNames} holding their text: when all values are in
     * [0, 65535] the index is the value itself and the names are "0".."max" (so MNIST digit 3 has index 3, even in a
     * subset with no 0s); otherwise the distinct values in ascending order.
     *
     * @param images    the images file, raw or gzip
     * @param labels    the labels file, or {@code null} for an unlabelled dataset
     * @param rawValues when false ubyte pixels are scaled into [0, 1] (÷255); when true values are kept as stored
     * @throws DataFormatException when either file is malformed or their item counts differ
     * @throws IOException         when a file cannot be read
     */
    public static Dataset readImages(Path images, Path labels, boolean rawValues) throws IOException {
        IdxArray a = read(images, !rawValues);
        IdxHeader h = a.header();
        int n = h.dim(0);
        int d = (int) (h.elements() / n);
        int rows = h.rank() == 3 ? h.dim(1) : 0, cols = h.rank() == 3 ? h.dim(2) : 0;
        int[] lab = null;
        String[] names = null;
        String src = images.toString();
        if (labels != null) {
            int[] values = readLabels(labels);
            if (values.length != n)
                throw new DataFormatException(name(images) + ": has " + n + " items but its labels file " + name(labels) + " has " + values.length);
            lab = new int[n];
            names = classes(values, lab);
            src += " + " + labels;
        }
        return new Dataset(a.values(), n, d, lab, names, rows, cols, src);
    }

    /** Fills {@code indices} with class indices for {@code values} and returns the class names (see readImages). */
    private static String[] classes(int[] values, int[] indices) {
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int v : values) { min = Math.min(min, v); max = Math.max(max, v); }
        if (values.length == 0) return new String[0];
        if (min >= 0 && max <= 0xFFFF) {
            System.arraycopy(values, 0, indices, 0, values.length);
            String[] names = new String[max + 1];
            for (int i = 0; i <= max; i++) names[i] = Integer.toString(i);
            return names;
        }
        int[] distinct = Arrays.stream(values).distinct().sorted().toArray();
        for (int i = 0; i < values.length; i++) indices[i] = Arrays.binarySearch(distinct, values[i]);
        return Arrays.stream(distinct).mapToObj(Integer::toString).toArray(String[]::new);
    }

    private static String name(Path file) {
        Path f = file.getFileName();
        return f == null ? file.toString() : f.toString();
    }

    /** The file's length when it is raw (so the header can be checked against it), or -1 when it is gzip. */
    private static long rawSize(Path file) throws IOException {
        return Compression.isGzip(file) ? -1 : Files.size(file);
    }

    /** Decodes the data part in bounded chunks; one instance per read. */
    private static final class Body {
        private final InputStream in;
        private final String name;
        private final IdxHeader h;
        private final boolean sizeKnown;
        private final byte[] chunk = new byte[CHUNK];
        private final ByteBuffer bb = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);

        Body(InputStream in, String name, IdxHeader h, boolean sizeKnown) {
            this.in = in;
            this.name = name;
            this.h = h;
            this.sizeKnown = sizeKnown;
        }

        float[] floats(boolean scale) throws IOException {
            int total = (int) h.elements();
            float[] out = new float[initial(total)];
            int done = 0;
            while (done < total) {
                int count = fill(done, total);
                if (done + count > out.length) out = Arrays.copyOf(out, (int) Math.min(total, Math.max((long) out.length * 2, done + count)));
                decodeFloats(out, done, count, scale);
                done += count;
            }
            finish();
            return out;
        }

        int[] ints() throws IOException {
            int total = (int) h.elements();
            int[] out = new int[initial(total)];
            int done = 0;
            while (done < total) {
                int count = fill(done, total);
                if (done + count > out.length) out = Arrays.copyOf(out, (int) Math.min(total, Math.max((long) out.length * 2, done + count)));
                for (int i = 0; i < count; i++) out[done + i] = intAt(i);
                done += count;
            }
            finish();
            return out;
        }

        private int initial(int total) {
            return sizeKnown ? total : Math.min(total, GZIP_INITIAL);
        }

        /** Reads the next chunk of whole elements; fails as truncated when the stream ends early. */
        private int fill(int done, int total) throws IOException {
            int per = h.type().size;
            int count = Math.min(CHUNK / per, total - done);
            int want = count * per;
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) throw IdxHeader.truncated(name, h, (long) done * per + got);
            return count;
        }

        private void decodeFloats(float[] out, int at, int count, boolean scale) {
            switch (h.type()) {
                case UBYTE:
                    if (scale) for (int i = 0; i < count; i++) out[at + i] = (chunk[i] & 0xFF) / 255f;
                    else for (int i = 0; i < count; i++) out[at + i] = chunk[i] & 0xFF;
                    return;
                case FLOAT:
                    for (int i = 0; i < count; i++) out[at + i] = bb.getFloat(4 * i);
                    return;
                case DOUBLE:
                    for (int i = 0; i < count; i++) out[at + i] = (float) bb.getDouble(8 * i);
                    return;
                default:
                    for (int i = 0; i < count; i++) out[at + i] = intAt(i);
            }
        }

        private int intAt(int i) {
            switch (h.type()) {
                case UBYTE: return chunk[i] & 0xFF;
                case BYTE: return chunk[i];
                case SHORT: return bb.getShort(2 * i);
                case INT: return bb.getInt(4 * i);
                default: throw new IllegalStateException("not an integer type: " + h.type());
            }
        }

        /** Trailing bytes are an error for gzip too (raw files were checked against their length already). */
        private void finish() throws IOException {
            if (in.read() < 0) return;
            long extra = 1;
            while (true) {
                long s = in.skip(CHUNK);
                if (s <= 0) {
                    if (in.read() < 0) break;
                    s = 1;
                }
                extra += s;
            }
            throw new DataFormatException(name + ": " + extra + " trailing bytes after the " + h.dataBytes()
                    + " bytes of data the header describes (" + h.describe() + ")");
        }
    }
}
