package simdae.engine.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;

/**
 * Lays a model out (header, then 64-byte aligned tensors, then the CRC) and streams it. The layout is computed
 * before the first byte is written, so the preamble can hold the final file length.
 *
 * <p>The non-default constructor exists for tests of forward compatibility: it writes a given minor version, extra
 * metadata entries and bytes appended to the header, as a future writer would.
 */
final class ModelWriter {
    static final ModelWriter STANDARD = new ModelWriter(Spec.MINOR, List.of(), new byte[0]);

    private final int minor;
    private final List<RawEntry> extra;
    private final byte[] headerTail;

    ModelWriter(int minor, List<RawEntry> extra, byte[] headerTail) {
        this.minor = minor;
        this.extra = List.copyOf(extra);
        this.headerTail = headerTail.clone();
    }

    /**
     * Where everything goes.
     *
     * @param header the header bytes
     * @param tableOffset absolute file offset of the tensor table
     * @param tensors the tensor table, weights then biases per layer
     * @param fileLength total bytes, trailer included
     */
    record Layout(byte[] header, long tableOffset, List<TensorEntry> tensors, long fileLength) {
    }

    Layout plan(TrainedModel m, DType weights) {
        List<TensorEntry> zeros = entries(m.network(), weights, 0);
        int headerLength = HeaderWriter.build(m, zeros, extra, headerTail).bytes().length;
        if (headerLength > Spec.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("model header would take " + headerLength + " bytes, over the format's "
                    + Spec.MAX_HEADER_BYTES + "-byte limit (too many per-feature preprocessing values or epochs)");
        }
        List<TensorEntry> placed = entries(m.network(), weights, Spec.PREAMBLE_BYTES + headerLength);
        HeaderWriter.Header h = HeaderWriter.build(m, placed, extra, headerTail);
        TensorEntry last = placed.get(placed.size() - 1);
        long fileLength = last.offset() + last.length() + Spec.TRAILER_BYTES;
        if (fileLength > Spec.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("model file would take " + fileLength + " bytes, more than the "
                    + Spec.MAX_FILE_BYTES + " a reader can load; use f16 or int8");
        }
        return new Layout(h.bytes(), Spec.PREAMBLE_BYTES + h.tableOffset(), placed, fileLength);
    }

    private static List<TensorEntry> entries(Network net, DType weights, long headerEnd) {
        List<TensorEntry> out = new ArrayList<>();
        long at = headerEnd;
        for (int l = 0; l < net.layers(); l++) {
            int in = net.in(l), o = net.out(l);
            at = Spec.align(at);
            long wl = weights.byteLength(in, o);
            out.add(new TensorEntry(weights.code, 2, in, o, headerEnd == 0 ? 0 : at, wl));
            at = Spec.align(at + wl);
            long bl = DType.F32.byteLength(1, o);
            out.add(new TensorEntry(DType.F32.code, 1, 1, o, headerEnd == 0 ? 0 : at, bl));
            at += bl;
        }
        return out;
    }

    /** Writes the whole file to {@code out} (not closed) and returns its length. */
    long write(TrainedModel m, DType weights, OutputStream out) throws IOException {
        Layout lay = plan(m, weights);
        CheckedSink s = new CheckedSink(out);
        s.bytes(preamble(lay));
        s.bytes(lay.header());
        Network net = m.network();
        float[] p = net.params();
        for (int l = 0; l < net.layers(); l++) {
            TensorEntry w = lay.tensors().get(2 * l), b = lay.tensors().get(2 * l + 1);
            s.zerosTo(w.offset());
            TensorCodec.encode(weights, p, net.weightOffset(l), net.in(l), net.out(l), s);
            s.zerosTo(b.offset());
            TensorCodec.encode(DType.F32, p, net.biasOffset(l), 1, net.out(l), s);
        }
        int crc = s.checksum();
        s.bytes(new LeBytes().u32(crc & 0xffff_ffffL).toArray());
        if (s.position() != lay.fileLength()) {
            throw new IllegalStateException("wrote " + s.position() + " bytes, planned " + lay.fileLength());
        }
        s.flush();
        return lay.fileLength();
    }

    byte[] toBytes(TrainedModel m, DType weights) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream((int) plan(m, weights).fileLength());
        try {
            write(m, weights, bos);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bos.toByteArray();
    }

    private byte[] preamble(Layout lay) {
        LeBytes b = new LeBytes().bytes(Spec.MAGIC).u16(Spec.MAJOR).u16(minor)
                .u32(lay.header().length).i64(lay.fileLength());
        byte[] first = b.toArray();
        return b.u32(Crc.of(first, 0, first.length) & 0xffff_ffffL).toArray();
    }
}
