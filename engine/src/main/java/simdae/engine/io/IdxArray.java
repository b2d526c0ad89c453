package simdae.engine.io;

/**
 * The content of one IDX file as float32 values, row-major in the file's order, with the header it came from.
 * Integer types above 2^24 in magnitude lose precision as floats; read labels with
 * {@link IdxReader#readLabels(java.nio.file.Path)} instead.
 */
public final class IdxArray {
    private final IdxHeader header;
    private final float[] values;

    /** @param header the header @param values exactly {@code header.elements()} values (not copied) */
    public IdxArray(IdxHeader header, float[] values) {
        if (values.length != header.elements()) throw new IllegalArgumentException(values.length + " values for " + header);
        this.header = header;
        this.values = values;
    }

    /** The header: type and dimensions. */
    public IdxHeader header() { return header; }

    /** The values (shared, do not modify). */
    public float[] values() { return values; }
}
