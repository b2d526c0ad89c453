package simdae.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Generated data with structure an autoencoder can learn: normal rows lie near a 2-D manifold in {@code d} dimensions
 * (smooth functions of two latent factors, values in [0, 1]); planted anomalies are uniform noise, far from it.
 */
final class TestData {
    final int d;
    final float[][] rows;
    final boolean[] anomaly;

    private TestData(int d, float[][] rows, boolean[] anomaly) {
        this.d = d;
        this.rows = rows;
        this.anomaly = anomaly;
    }

    static TestData generate(int n, int anomalies, int d, long seed) {
        Random rnd = new Random(seed);
        float[][] rows = new float[n + anomalies][d];
        boolean[] flag = new boolean[n + anomalies];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble(), b = rnd.nextDouble();
            for (int j = 0; j < d; j++) {
                double v = 0.5 + 0.35 * Math.sin(2.5 * a + j * 0.7) * Math.cos(1.5 * b - j * 0.3) + 0.01 * rnd.nextGaussian();
                rows[i][j] = (float) Math.min(1, Math.max(0, v));
            }
        }
        for (int i = n; i < n + anomalies; i++) {
            for (int j = 0; j < d; j++) rows[i][j] = rnd.nextFloat();
            flag[i] = true;
        }
        return new TestData(d, rows, flag);
    }

    int size() {
        return rows.length;
    }

    float[] flat() {
        float[] f = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, f, i * d, d);
        return f;
    }

    /**
     * Columns: id (int), anomaly (boolean), features (Vector), floats (array<float>), doubles (array<double>),
     * f0..f{d-1}, sparse (a sparse Vector of the row with every third feature zeroed).
     */
    Dataset<Row> frame(SparkSession spark, int partitions) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("anomaly", DataTypes.BooleanType, false));
        fields.add(new StructField("features", new VectorUDT(), true, Metadata.empty()));
        fields.add(DataTypes.createStructField("floats", DataTypes.createArrayType(DataTypes.FloatType, false), true));
        fields.add(DataTypes.createStructField("doubles", DataTypes.createArrayType(DataTypes.DoubleType, false), true));
        for (int j = 0; j < d; j++) fields.add(DataTypes.createStructField("f" + j, DataTypes.DoubleType, false));
        fields.add(new StructField("sparse", new VectorUDT(), true, Metadata.empty()));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Object[] v = new Object[6 + d];
            double[] dv = new double[d];
            Float[] fv = new Float[d];
            Double[] bv = new Double[d];
            for (int j = 0; j < d; j++) {
                dv[j] = rows[i][j];
                fv[j] = rows[i][j];
                bv[j] = (double) rows[i][j];
                v[5 + j] = (double) rows[i][j];
            }
            v[0] = i;
            v[1] = anomaly[i];
            v[2] = Vectors.dense(dv);
            v[3] = fv;
            v[4] = bv;
            // Every third feature zeroed, so the sparse vector really skips indices; the model sees the same values.
            double[] sv = dv.clone();
            for (int j = 0; j < d; j += 3) sv[j] = 0;
            v[5 + d] = Vectors.dense(sv).toSparse();
            out.add(RowFactory.create(v));
        }
        // parallelize slices the list in order, so partition contents (and so training) are reproducible.
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(out, partitions), DataTypes.createStructType(fields));
    }
}
