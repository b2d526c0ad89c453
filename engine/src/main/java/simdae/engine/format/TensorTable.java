package simdae.engine.format;

import java.util.Arrays;
import java.util.List;
import simdae.engine.format.ModelFormatException.Kind;

/**
 * Validates the tensor table against the layer widths and the file before a single parameter is allocated: one
 * weight and one bias tensor per layer with the layer's shape, a known dtype, the exact byte length that dtype
 * implies, a 64-byte aligned offset, a range inside the payload, and no two ranges overlapping.
 */
final class TensorTable {
    private TensorTable() {
    }

    /**
     * @param payloadStart first byte after the header
     * @param payloadEnd first byte of the trailer
     * @return the dtype of each tensor, in table order
     */
    static DType[] validate(List<TensorEntry> t, int[] dims, long payloadStart, long payloadEnd, String source)
            throws ModelFormatException {
        int layers = dims.length - 1;
        if (t.size() != 2L * layers) {
            throw inconsistent(source, "tensor table has " + t.size() + " entries, a " + layers + "-layer model needs " + 2L * layers);
        }
        DType[] types = new DType[t.size()];
        long[][] ranges = new long[t.size()][];
        long parameters = 0;
        for (int i = 0; i < t.size(); i++) {
            TensorEntry e = t.get(i);
            String name = TensorEntry.describe(i);
            DType d = DType.fromCode(e.dtypeCode());
            if (d == null) {
                throw new ModelFormatException(Kind.UNKNOWN_DTYPE, source, name + " has unknown dtype code " + e.dtypeCode()
                        + " (this reader knows f32=0, f16=1, int8=2; a newer simdae may read it)");
            }
            types[i] = d;
            boolean weights = i % 2 == 0;
            long rows = weights ? dims[i / 2] : 1, cols = dims[i / 2 + 1];
            int rank = weights ? 2 : 1;
            if (e.rank() != rank || e.rows() != rows || e.cols() != cols) {
                throw inconsistent(source, name + " has rank " + e.rank() + " shape [" + e.rows() + "][" + e.cols()
                        + "], the layer needs rank " + rank + " shape [" + rows + "][" + cols + "]");
            }
            long expected = d.byteLength(rows, cols);
            if (e.length() != expected) {
                throw inconsistent(source, name + " is " + e.length() + " bytes, " + d + " [" + rows + "][" + cols + "] takes " + expected);
            }
            if (e.offset() < payloadStart || e.offset() > payloadEnd || e.length() > payloadEnd - e.offset()) {
                throw inconsistent(source, name + " claims bytes [" + e.offset() + ", " + (e.offset() + e.length())
                        + ") but tensors must lie in [" + payloadStart + ", " + payloadEnd + ")");
            }
            if (e.offset() % Spec.ALIGNMENT != 0) {
                throw inconsistent(source, name + " starts at " + e.offset() + ", not a multiple of " + Spec.ALIGNMENT);
            }
            parameters += rows * cols;
            ranges[i] = new long[] {e.offset(), e.offset() + e.length(), i};
        }
        if (parameters > Spec.MAX_PARAMETERS) {
            throw new ModelFormatException(Kind.TOO_LARGE, source, "the model has " + parameters
                    + " parameters, more than the " + Spec.MAX_PARAMETERS + " a network can hold");
        }
        Arrays.sort(ranges, (a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < ranges.length; i++) {
            if (ranges[i][0] < ranges[i - 1][1]) {
                throw inconsistent(source, TensorEntry.describe((int) ranges[i][2]) + " overlaps "
                        + TensorEntry.describe((int) ranges[i - 1][2]));
            }
        }
        return types;
    }

    private static ModelFormatException inconsistent(String source, String detail) {
        return new ModelFormatException(Kind.INCONSISTENT, source, detail);
    }
}
