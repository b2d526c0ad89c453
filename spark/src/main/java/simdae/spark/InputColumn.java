package simdae.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The feature column of a DataFrame as the engine sees it: its type is checked once on the driver, then each row's
 * value is copied straight into a row of a flat {@code float[]} batch on the executor.
 *
 * <p>Accepted types are a Spark ML {@code Vector} (dense or sparse), {@code array<float>} and {@code array<double>}.
 * Everything else fails on the driver, before a job starts, with the column's name and type.
 */
final class InputColumn implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Value returned by {@link #length(Row)} for a null value or an array holding a null element. */
    static final int NULL = -1;

    enum Kind { VECTOR, FLOAT_ARRAY, DOUBLE_ARRAY }

    final String name;
    final int index;
    final Kind kind;
    final int size;

    private InputColumn(String name, int index, Kind kind, int size) {
        this.name = name;
        this.index = index;
        this.kind = kind;
        this.size = size;
    }

    /**
     * Checks that {@code name} exists in {@code schema} with an accepted type and, for vectors whose ML metadata
     * records a size (e.g. from {@code VectorAssembler}), that the size is {@code size} (unless {@code size < 0}:
     * not known yet).
     *
     * @throws IllegalArgumentException naming the column, the type found and the types accepted
     */
    static InputColumn resolve(StructType schema, String name, int size) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("input column '" + name + "' does not exist; columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        StructField field = schema.apply(name);
        Kind kind = kindOf(field.dataType());
        if (kind == null) {
            throw new IllegalArgumentException("input column '" + name + "' must be a Spark ML Vector, array<float> or"
                    + " array<double>, but it is " + field.dataType().simpleString());
        }
        if (kind == Kind.VECTOR && size >= 0) {
            int declared = AttributeGroup.fromStructField(field).size();
            if (declared >= 0 && declared != size) {
                throw new IllegalArgumentException("input column '" + name + "' holds vectors of size " + declared
                        + " (from its ML attributes), expected " + size + " (the model's input size)");
            }
        }
        return new InputColumn(name, schema.fieldIndex(name), kind, size);
    }

    private static Kind kindOf(DataType t) {
        if (t instanceof VectorUDT) return Kind.VECTOR;
        if (t instanceof ArrayType) {
            DataType e = ((ArrayType) t).elementType();
            if (e.equals(DataTypes.FloatType)) return Kind.FLOAT_ARRAY;
            if (e.equals(DataTypes.DoubleType)) return Kind.DOUBLE_ARRAY;
        }
        return null;
    }

    /** Number of values in this row's cell, or {@link #NULL} for a null cell or a null array element. */
    int length(Row row) {
        Object v = row.get(index);
        if (v == null) return NULL;
        if (kind == Kind.VECTOR) return ((Vector) v).size();
        scala.collection.Seq<?> s = (scala.collection.Seq<?>) v;
        int n = s.length();
        for (int j = 0; j < n; j++) {
            if (s.apply(j) == null) return NULL;
        }
        return n;
    }

    /** Copies this row's {@link #size} values to {@code flat[off..]}; call only after {@link #length} returned {@code size}. */
    void copy(Row row, float[] flat, int off) {
        Object v = row.get(index);
        switch (kind) {
            case VECTOR:
                if (v instanceof DenseVector) {
                    double[] a = ((DenseVector) v).values();
                    for (int j = 0; j < size; j++) flat[off + j] = (float) a[j];
                } else {
                    SparseVector sv = (SparseVector) v;
                    Arrays.fill(flat, off, off + size, 0f);
                    int[] idx = sv.indices();
                    double[] val = sv.values();
                    for (int j = 0; j < idx.length; j++) flat[off + idx[j]] = (float) val[j];
                }
                return;
            default: {
                // Spark hands arrays to Row code as boxed Seq elements; unboxing here is the only way in.
                scala.collection.Seq<?> s = (scala.collection.Seq<?>) v;
                for (int j = 0; j < size; j++) flat[off + j] = ((Number) s.apply(j)).floatValue();
            }
        }
    }

    /** The message of a row that {@code handleInvalid = error} rejects. */
    String invalidMessage(int found) {
        String what = found == NULL ? "a null value" : found + " values";
        return "input column '" + name + "': expected " + size + " values (the model's input size), found " + what
                + "; set handleInvalid to 'skip' or 'keep' to let such rows through";
    }
}
