package simdae.engine.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.format.ModelFormatException.Kind;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;

/**
 * Reads a complete model file held in a buffer (heap or mapped). Everything is validated against the buffer's real
 * length before parameters are allocated, so memory use is bounded by a small multiple of the file size whatever
 * the header claims.
 */
final class ModelReader {
    private ModelReader() {
    }

    /** Reads the model in {@code file[0, file.limit())}, which must be the whole file and nothing else. */
    static LoadedModel read(ByteBuffer file, String source) throws ModelFormatException {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int available = b.limit();
        Preamble pre = Preamble.read(b, available, source);
        if (pre.length() > available) {
            throw Preamble.truncated(source, available, pre.length(), "the declared file length");
        }
        if (pre.length() < available) {
            throw new ModelFormatException(Kind.INCONSISTENT, source, (available - pre.length()) + " unexpected bytes after the declared end at " + pre.length());
        }
        int end = (int) pre.length() - Spec.TRAILER_BYTES;
        int stored = b.getInt(end);
        int actual = Crc.of(b, 0, end);
        if (stored != actual) {
            throw new ModelFormatException(Kind.CHECKSUM_MISMATCH, source, String.format(
                    "checksum mismatch (stored %08x, computed %08x over bytes 0..%d): the file is damaged", stored, actual, end));
        }
        HeaderCursor c = new HeaderCursor(b, Spec.PREAMBLE_BYTES, pre.headerLength(), source);
        HeaderReader.Parsed h = HeaderReader.read(c);
        if (h.unreadBytes() > 0 && pre.minor() <= Spec.MINOR) {
            throw c.inconsistent(h.unreadBytes() + " unexplained bytes at the end of a version " + pre.major() + "." + pre.minor() + " header");
        }
        DType[] types = TensorTable.validate(h.tensors(), h.dims(), Spec.PREAMBLE_BYTES + (long) pre.headerLength(), end, source);

        Threshold threshold;
        TrainingInfo info;
        Network net;
        try {
            threshold = new Threshold(h.rule(), h.parameter(), h.value(), calibration(h.metadata(), c));
            info = training(h.metadata());
            net = new Network(h.dims(), h.activations());
        } catch (IllegalArgumentException e) {
            throw c.inconsistent(e.getMessage());
        }
        float[] p = net.params();
        for (int l = 0; l < net.layers(); l++) {
            TensorEntry w = h.tensors().get(2 * l), bias = h.tensors().get(2 * l + 1);
            TensorCodec.decode(types[2 * l], b, w.offset(), net.in(l), net.out(l), p, net.weightOffset(l));
            TensorCodec.decode(types[2 * l + 1], b, bias.offset(), 1, net.out(l), p, net.biasOffset(l));
        }
        TrainedModel model;
        try {
            model = new TrainedModel(net, h.preprocessing(), threshold, info);
        } catch (IllegalArgumentException e) {
            throw c.inconsistent(e.getMessage());
        }
        return new LoadedModel(model, coarsest(types), pre.major(), pre.minor(), pre.length(), h.metadata().unread());
    }

    private static DType coarsest(DType[] types) {
        DType d = DType.F32;
        for (int i = 0; i < types.length; i += 2) if (types[i].ordinal() > d.ordinal()) d = types[i];
        return d;
    }

    /** All nine statistics or none: a partial set would silently report zeros as calibration. */
    private static ErrorStats calibration(Metadata m, HeaderCursor c) throws ModelFormatException {
        if (!m.has(Keys.CAL_COUNT)) return null;
        String[] keys = {Keys.CAL_MEAN, Keys.CAL_STD, Keys.CAL_MIN, Keys.CAL_MAX, Keys.CAL_P50, Keys.CAL_P90, Keys.CAL_P95, Keys.CAL_P99};
        double[] v = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (!m.has(keys[i])) throw c.inconsistent("threshold calibration has a count but no " + keys[i]);
            v[i] = m.f64(keys[i], Double.NaN);
        }
        return new ErrorStats(m.i64(Keys.CAL_COUNT, 0), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private static TrainingInfo training(Metadata m) throws ModelFormatException {
        m.f64(Keys.FINAL_LOSS, Double.NaN); // derived from the curves; read only to check its type
        m.f64(Keys.FINAL_VAL_LOSS, Double.NaN);
        return new TrainingInfo(m.i32(Keys.EPOCHS, 0), m.i32(Keys.BATCH_SIZE, 0), m.f64(Keys.LEARNING_RATE, 0),
                m.i64(Keys.SEED, 0), m.i32(Keys.THREADS, 0), m.string(Keys.KERNELS, ""),
                m.string(Keys.LIBRARY_VERSION, ""), m.i64(Keys.CREATED, 0), m.i64(Keys.SAMPLES, 0),
                m.f64Array(Keys.LOSS), m.f64Array(Keys.VAL_LOSS), m.f64Array(Keys.EPOCH_SECONDS));
    }
}
