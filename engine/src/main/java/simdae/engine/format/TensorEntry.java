package simdae.engine.format;

/**
 * One row of the tensor table. The stored layout is 28 bytes: u8 dtype, u8 rank, u16 reserved (0), u32 rows,
 * u32 cols, u64 offset, u64 length. A rank-1 tensor of {@code n} values has {@code rows = 1, cols = n}.
 *
 * @param dtypeCode the raw dtype code (kept raw so an unknown code can be reported by number)
 * @param rank 1 (bias) or 2 (weights)
 * @param rows rows (the layer's inputs for weights, 1 for a bias)
 * @param cols columns (the layer's outputs)
 * @param offset absolute file offset of the first byte
 * @param length byte length
 */
record TensorEntry(int dtypeCode, int rank, long rows, long cols, long offset, long length) {

    void writeTo(LeBytes b) {
        b.u8(dtypeCode).u8(rank).u16(0).u32(rows).u32(cols).i64(offset).i64(length);
    }

    static TensorEntry readFrom(HeaderCursor c, int index) throws ModelFormatException {
        String what = "tensor table entry " + index;
        int dtype = c.u8(what);
        int rank = c.u8(what);
        c.u16(what); // reserved: a future minor version may use it, so it is not checked
        long rows = c.u32(what);
        long cols = c.u32(what);
        return new TensorEntry(dtype, rank, rows, cols, c.i64(what), c.i64(what));
    }

    /** Where this tensor sits in the model, for error messages. */
    static String describe(int index) {
        return "tensor " + index + " (layer " + index / 2 + (index % 2 == 0 ? " weights)" : " biases)");
    }
}
