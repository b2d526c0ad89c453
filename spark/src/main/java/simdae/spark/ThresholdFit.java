package simdae.spark;

import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;

/**
 * Calibrates the threshold from the trained model's errors on the training rows, computed in parallel on the cached
 * blocks. Quantiles come from Spark's {@code approxQuantile} (Greenwald–Khanna, rank error at most
 * {@code relativeError × n}; 0 is exact), mean and population std from an aggregate: nothing is collected row by row.
 *
 * <p>Unlike the engine's single-JVM calibration, which interpolates between order statistics, a quantile here is one
 * of the training errors; the difference is below the gap between neighbouring errors.
 */
final class ThresholdFit {
    private static final String COL = "error";

    private ThresholdFit() {
    }

    static Threshold calibrate(SparkSession spark, TrainingBlocks data, NetworkSpec spec, float[] params, String kernels,
                               Threshold.Rule rule, double parameter, double relativeError) {
        JavaRDD<Row> errors = data.rdd.mapPartitions((Iterator<float[]> it) -> {
            if (!it.hasNext()) return java.util.Collections.<Row>emptyIterator();
            return new Errors(it.next(), spec, params, ExecutorModels.kernels(kernels));
        });
        StructType schema = new StructType().add(COL, DataTypes.DoubleType, false);
        Dataset<Row> df = spark.createDataFrame(errors, schema);
        double q = quantileOf(rule, parameter);
        double[] probs = Double.isNaN(q) ? new double[] {0.5, 0.9, 0.95, 0.99} : new double[] {0.5, 0.9, 0.95, 0.99, q};
        // One pass for the moments, one for the quantiles; the errors are recomputed from the cached blocks.
        Row m = df.agg(functions.count(COL), functions.mean(COL), functions.stddev_pop(COL), functions.min(COL), functions.max(COL)).first();
        double[] qs = df.stat().approxQuantile(COL, probs, relativeError);
        long count = m.getLong(0);
        if (count == 0) throw new IllegalArgumentException("no training rows to calibrate the threshold from");
        double mean = m.getDouble(1), std = m.getDouble(2);
        ErrorStats stats = new ErrorStats(count, mean, std, m.getDouble(3), m.getDouble(4), qs[0], qs[1], qs[2], qs[3]);
        switch (rule) {
            case FIXED: return Threshold.fixed(parameter, stats);
            case SIGMA: return new Threshold(rule, parameter, mean + parameter * std, stats);
            default: return new Threshold(rule, parameter, qs[4], stats);
        }
    }

    /** A partition's training errors, computed a batch at a time as the rows are pulled. */
    private static final class Errors implements Iterator<Row> {
        private final float[] block;
        private final Network net;
        private final Preprocessing pre;
        private final Kernels k;
        private final int d;
        private final int n;
        private final float[] x;
        private final float[] err;
        private final Scorer.Scratch scratch;
        private int next;
        private int start;
        private int rows;

        Errors(float[] block, NetworkSpec spec, float[] params, Kernels k) {
            this.block = block;
            this.net = spec.network(params);
            this.pre = spec.preprocessing();
            this.k = k;
            this.d = spec.inputSize;
            this.n = block.length / d;
            this.x = new float[SimdaeModel.BATCH_ROWS * d];
            this.err = new float[SimdaeModel.BATCH_ROWS];
            this.scratch = new Scorer.Scratch(net, 64);
        }

        @Override
        public boolean hasNext() {
            return start + next < n;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            if (next == rows) {
                start += rows;
                next = 0;
                rows = Math.min(SimdaeModel.BATCH_ROWS, n - start);
                System.arraycopy(block, start * d, x, 0, rows * d);
                pre.applyInPlace(x, 0, rows, d);
                Scorer.errors(net, k, x, 0, rows, err, 0, scratch);
            }
            return RowFactory.create((double) err[next++]);
        }
    }

    /** The quantile (0..1) a rule needs, or NaN. */
    static double quantileOf(Threshold.Rule rule, double parameter) {
        switch (rule) {
            case PERCENTILE:
                if (!(parameter > 0 && parameter < 100)) throw new IllegalArgumentException("percentile must be in (0, 100), got " + parameter);
                return parameter / 100;
            case CONTAMINATION:
                if (!(parameter > 0 && parameter <= 0.5)) throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + parameter);
                return 1 - parameter;
            default:
                return Double.NaN;
        }
    }
}
