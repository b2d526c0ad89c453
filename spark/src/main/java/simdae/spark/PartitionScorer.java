package simdae.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Preprocessing;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;

/**
 * Scores one partition in batches: up to {@link #batchRows} rows are copied into one flat buffer, preprocessed and
 * pushed through the engine's batched kernels together, then emitted with their error and flag appended.
 *
 * <p>The buffers are allocated once per partition; per row only the output row itself is allocated. The model comes
 * from {@link ExecutorModels}, so it is parsed once per executor JVM whatever the number of partitions.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final String modelKey;
    private final String kernels;
    private final InputColumn column;
    private final String handleInvalid;
    private final int batchRows;

    PartitionScorer(Broadcast<byte[]> model, String modelKey, String kernels, InputColumn column, String handleInvalid,
                    int batchRows) {
        this.model = model;
        this.modelKey = modelKey;
        this.kernels = kernels;
        this.column = column;
        this.handleInvalid = handleInvalid;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Batches(input, ExecutorModels.detector(modelKey, kernels, model));
    }

    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> input;
        private final Network net;
        private final Preprocessing pre;
        private final Kernels k;
        private final double threshold;
        private final int d;
        private final Scorer.Scratch scratch;
        private final float[] flat;
        private final float[] err;
        private final Row[] rows;
        private final int[] slot;   // row's index among the valid rows of the batch, or -1 (kept invalid row)
        private int count;
        private int pos;

        Batches(Iterator<Row> input, AnomalyDetector detector) {
            this.input = input;
            net = detector.model().network();
            pre = detector.model().preprocessing();
            k = detector.kernels();
            threshold = detector.threshold();
            d = detector.inputSize();
            scratch = new Scorer.Scratch(net, 64);
            flat = new float[batchRows * d];
            err = new float[batchRows];
            rows = new Row[batchRows];
            slot = new int[batchRows];
        }

        @Override
        public boolean hasNext() {
            if (pos < count) return true;
            fill();
            return count > 0;
        }

        private void fill() {
            count = 0;
            pos = 0;
            int valid = 0;
            while (count < batchRows && input.hasNext()) {
                Row r = input.next();
                int len = column.length(r);
                if (len == d) {
                    column.copy(r, flat, valid * d);
                    slot[count] = valid++;
                } else if ("error".equals(handleInvalid)) {
                    throw new IllegalArgumentException(column.invalidMessage(len));
                } else if ("skip".equals(handleInvalid)) {
                    continue;
                } else {
                    slot[count] = -1;
                }
                rows[count++] = r;
            }
            if (valid > 0) {
                pre.applyInPlace(flat, 0, valid, d);
                Scorer.errors(net, k, flat, 0, valid, err, 0, scratch);
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Row r = rows[pos];
            rows[pos] = null;
            int s = slot[pos++];
            int n = r.size();
            Object[] out = new Object[n + 2];
            for (int i = 0; i < n; i++) out[i] = r.get(i);
            if (s >= 0) {
                float e = err[s];
                out[n] = (double) e;
                out[n + 1] = e > threshold ? 1.0 : 0.0;
            }
            return RowFactory.create(out);
        }
    }
}
