package simdae.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A validated IDX header: element type and dimensions. Parsing checks everything that can be checked before any
 * data is allocated, so a hostile or corrupt header fails with a specific message instead of an
 * {@link OutOfMemoryError}.
 */
public final class IdxHeader {
    /** Most dimensions accepted; real IDX files have 1 to 4, so more means a corrupt header. */
    public static final int MAX_DIMS = 8;
    /** Most elements accepted: the largest safe Java array length. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final IdxType type;
    private final int[] dims;
    private final long elements;

    /**
     * A header for the given type and dimensions.
     *
     * @throws IllegalArgumentException when the dimensions are empty, too many, non-positive, or too many elements
     */
    public IdxHeader(IdxType type, int[] dims) {
        if (type == null || dims.length < 1 || dims.length > MAX_DIMS) throw new IllegalArgumentException("need a type and 1.." + MAX_DIMS + " dims");
        long e = 1;
        for (int v : dims) {
            if (v <= 0) throw new IllegalArgumentException("dimension " + v + " is not positive");
            e *= v;
            if (e > MAX_ELEMENTS) throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " elements");
        }
        this.type = type;
        this.dims = dims.clone();
        this.elements = e;
    }

    /** The element type. */
    public IdxType type() { return type; }

    /** A copy of the dimensions, outermost (the item count) first. */
    public int[] dims() { return dims.clone(); }

    /** Number of dimensions. */
    public int rank() { return dims.length; }

    /** Size of dimension {@code i}. */
    public int dim(int i) { return dims[i]; }

    /** Total elements, at most {@link #MAX_ELEMENTS}. */
    public long elements() { return elements; }

    /** Bytes of element data that must follow the header. */
    public long dataBytes() { return elements * type.size; }

    /** Bytes taken by the header itself: 4 magic bytes plus 4 per dimension. */
    public int headerBytes() { return 4 + 4 * dims.length; }

    /**
     * Reads and validates a header from {@code in}, leaving the stream at the first data byte.
     *
     * @param in       the (already decompressed) stream
     * @param name     the file name, for messages
     * @param dataSize bytes of the whole uncompressed file when known (raw files), or -1 (gzip); when known the data
     *                 length is checked against the header here, before anything is allocated
     * @throws DataFormatException when the magic, type, rank or dimensions are invalid, or the size does not match
     * @throws IOException         when reading fails
     */
    public static IdxHeader read(InputStream in, String name, long dataSize) throws IOException {
        byte[] magic = readFully(in, 4, name, "magic number");
        if (magic[0] != 0 || magic[1] != 0)
            throw new DataFormatException(name + ": not an IDX file: bad magic " + hex(magic) + " (the first two bytes must be zero)");
        IdxType type = IdxType.fromCode(magic[2] & 0xFF);
        if (type == null)
            throw new DataFormatException(name + ": unknown IDX type code 0x" + String.format("%02X", magic[2] & 0xFF)
                    + " (expected 08 ubyte, 09 byte, 0B short, 0C int, 0D float or 0E double)");
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_DIMS)
            throw new DataFormatException(name + ": bad IDX dimension count " + rank + " (expected 1.." + MAX_DIMS + ")");
        byte[] raw = readFully(in, 4 * rank, name, "dimensions");
        long[] claimed = new long[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            // Dimensions are read as unsigned so a claim of 2^31 or more is reported as too large, not as negative.
            claimed[i] = ((raw[4 * i] & 0xFFL) << 24) | ((raw[4 * i + 1] & 0xFFL) << 16) | ((raw[4 * i + 2] & 0xFFL) << 8) | (raw[4 * i + 3] & 0xFFL);
            if (claimed[i] == 0) throw new DataFormatException(name + ": IDX dimension " + i + " is zero");
        }
        for (int i = 0; i < rank; i++) {
            // Checking each factor before multiplying keeps the long product from overflowing.
            if (claimed[i] > MAX_ELEMENTS || (elements *= claimed[i]) > MAX_ELEMENTS)
                throw new DataFormatException(name + ": IDX header claims " + join(claimed) + " elements, more than the "
                        + MAX_ELEMENTS + " a Java array can hold");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = (int) claimed[i];
        IdxHeader h = new IdxHeader(type, dims);
        if (dataSize >= 0) {
            long have = dataSize - h.headerBytes();
            if (have < h.dataBytes()) throw truncated(name, h, have);
            if (have > h.dataBytes())
                throw new DataFormatException(name + ": " + (have - h.dataBytes()) + " trailing bytes after the " + h.dataBytes()
                        + " bytes of data the header describes (" + h.describe() + ")");
        }
        return h;
    }

    /** The truncation error, shared with the body reader so both say the same thing. */
    static DataFormatException truncated(String name, IdxHeader h, long have) {
        return new DataFormatException(name + ": truncated: header claims " + h.dataBytes() + " bytes of data ("
                + h.describe() + "), file has " + have);
    }

    /** For example {@code "ubyte 60000x28x28"}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(type.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? "x" : "").append(dims[i]);
        return sb.toString();
    }

    private static byte[] readFully(InputStream in, int len, String name, String what) throws IOException {
        byte[] b = in.readNBytes(len);
        if (b.length < len)
            throw new DataFormatException(name + ": truncated IDX header: file ends after " + b.length + " of the " + len + " bytes of the " + what);
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte v : b) sb.append(String.format("%02X", v & 0xFF));
        return sb.toString();
    }

    private static String join(long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? " x " : "").append(v[i]);
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxHeader && ((IdxHeader) o).type == type && Arrays.equals(((IdxHeader) o).dims, dims);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(dims);
    }
}
