package simdae.engine.format;

import java.util.ArrayList;
import java.util.List;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;

/** Serialises the header: the required fixed part, the tensor table, then the optional key–value metadata. */
final class HeaderWriter {
    /** The header bytes and where the tensor table starts inside them. */
    record Header(byte[] bytes, int tableOffset) {
    }

    private HeaderWriter() {
    }

    static Header build(TrainedModel m, List<TensorEntry> tensors, List<RawEntry> extra, byte[] tail) {
        Network net = m.network();
        LeBytes b = new LeBytes();
        b.u32(net.layers());
        for (int d : net.dims()) b.u32(d);
        for (int l = 0; l < net.layers(); l++) b.u8(net.activation(l).code);

        Preprocessing p = m.preprocessing();
        float[] off = p.offset(), sc = p.scale();
        b.u8(p.kind().code).u32(off.length);
        for (float v : off) b.f32(v);
        for (float v : sc) b.f32(v);

        Threshold t = m.threshold();
        b.u8(t.rule().code).f64(t.parameter()).f64(t.value());

        int tableOffset = b.size() + 4;
        b.u32(tensors.size());
        for (TensorEntry e : tensors) e.writeTo(b);

        List<RawEntry> kv = metadata(m);
        kv.addAll(extra);
        b.u32(kv.size());
        for (RawEntry e : kv) e.writeTo(b);
        b.bytes(tail);
        return new Header(b.toArray(), tableOffset);
    }

    private static List<RawEntry> metadata(TrainedModel m) {
        List<RawEntry> kv = new ArrayList<>();
        ErrorStats s = m.threshold().calibration();
        if (s != null) {
            kv.add(RawEntry.i64(Keys.CAL_COUNT, s.count()));
            kv.add(RawEntry.f64(Keys.CAL_MEAN, s.mean()));
            kv.add(RawEntry.f64(Keys.CAL_STD, s.std()));
            kv.add(RawEntry.f64(Keys.CAL_MIN, s.min()));
            kv.add(RawEntry.f64(Keys.CAL_MAX, s.max()));
            kv.add(RawEntry.f64(Keys.CAL_P50, s.p50()));
            kv.add(RawEntry.f64(Keys.CAL_P90, s.p90()));
            kv.add(RawEntry.f64(Keys.CAL_P95, s.p95()));
            kv.add(RawEntry.f64(Keys.CAL_P99, s.p99()));
        }
        TrainingInfo i = m.training();
        kv.add(RawEntry.i32(Keys.EPOCHS, i.epochs()));
        kv.add(RawEntry.i32(Keys.BATCH_SIZE, i.batchSize()));
        kv.add(RawEntry.f64(Keys.LEARNING_RATE, i.learningRate()));
        kv.add(RawEntry.i64(Keys.SEED, i.seed()));
        kv.add(RawEntry.i32(Keys.THREADS, i.threads()));
        kv.add(RawEntry.string(Keys.KERNELS, i.kernels()));
        kv.add(RawEntry.i64(Keys.SAMPLES, i.trainSamples()));
        // Redundant with the curves' last values; written so a tool can show them without decoding arrays.
        kv.add(RawEntry.f64(Keys.FINAL_LOSS, i.finalLoss()));
        kv.add(RawEntry.f64(Keys.FINAL_VAL_LOSS, i.finalValLoss()));
        kv.add(RawEntry.f64Array(Keys.LOSS, i.loss()));
        kv.add(RawEntry.f64Array(Keys.VAL_LOSS, i.valLoss()));
        kv.add(RawEntry.f64Array(Keys.EPOCH_SECONDS, i.epochSeconds()));
        kv.add(RawEntry.string(Keys.LIBRARY_VERSION, i.libraryVersion()));
        kv.add(RawEntry.i64(Keys.CREATED, i.createdEpochMillis()));
        return kv;
    }
}
