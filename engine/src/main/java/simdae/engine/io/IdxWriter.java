package simdae.engine.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files, raw or gzip, of any element type; the inverse of {@link IdxReader}. */
public final class IdxWriter {
    private IdxWriter() {}

    /**
     * Writes {@code values} (row-major, exactly the product of {@code dims}) as an IDX file. Values are given as
     * doubles because a double holds every value of every IDX type exactly.
     *
     * @param file   the file to create or replace
     * @param type   the element type
     * @param dims   the dimensions, 1 to {@link IdxHeader#MAX_DIMS}, each positive
     * @param values the elements
     * @param gzip   whether to gzip-compress the file
     * @throws IllegalArgumentException when the shape is invalid, the count does not match, or a value does not fit
     *                                  the type (integer types need whole numbers in range)
     * @throws IOException              when writing fails
     */
    public static void write(Path file, IdxType type, int[] dims, double[] values, boolean gzip) throws IOException {
        IdxHeader h = new IdxHeader(type, dims);
        if (values.length != h.elements()) throw new IllegalArgumentException(values.length + " values for " + h);
        for (double v : values) checkFits(type, v);
        try (OutputStream os = open(file, gzip); DataOutputStream out = new DataOutputStream(os)) {
            out.writeShort(0);
            out.writeByte(type.code);
            out.writeByte(dims.length);
            for (int v : dims) out.writeInt(v);
            for (double v : values) {
                switch (type) {
                    case UBYTE: case BYTE: out.writeByte((int) v); break;
                    case SHORT: out.writeShort((int) v); break;
                    case INT: out.writeInt((int) v); break;
                    case FLOAT: out.writeFloat((float) v); break;
                    default: out.writeDouble(v);
                }
            }
        }
    }

    /**
     * Writes ubyte data, e.g. images or labels in the MNIST layout.
     *
     * @throws IllegalArgumentException when the shape is invalid or the count does not match
     * @throws IOException              when writing fails
     */
    public static void writeUbyte(Path file, int[] dims, byte[] values, boolean gzip) throws IOException {
        IdxHeader h = new IdxHeader(IdxType.UBYTE, dims);
        if (values.length != h.elements()) throw new IllegalArgumentException(values.length + " values for " + h);
        try (OutputStream os = open(file, gzip); DataOutputStream out = new DataOutputStream(os)) {
            out.writeShort(0);
            out.writeByte(IdxType.UBYTE.code);
            out.writeByte(dims.length);
            for (int v : dims) out.writeInt(v);
            out.write(values);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return gzip ? new GZIPOutputStream(os, 1 << 16) : os;
    }

    private static void checkFits(IdxType type, double v) {
        double lo, hi;
        switch (type) {
            case UBYTE: lo = 0; hi = 255; break;
            case BYTE: lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; break;
            case SHORT: lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
            case INT: lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
            default: return;
        }
        if (v != Math.rint(v) || v < lo || v > hi) throw new IllegalArgumentException(v + " does not fit IDX type " + type);
    }
}
