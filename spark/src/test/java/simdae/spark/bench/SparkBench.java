package simdae.spark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import simdae.engine.AnomalyDetector;
import simdae.engine.AutoencoderTrainer;
import simdae.engine.io.IdxArray;
import simdae.engine.io.IdxReader;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;
import simdae.spark.SimdaeAutoencoder;
import simdae.spark.SimdaeModel;

/**
 * The Spark harness (see spark/README.md; run with {@code spark/bench.sh}):
 * <ul>
 *   <li>{@code score [rows] [features]}: scoring throughput of {@link SimdaeModel} on a generated, cached DataFrame
 *       of {@code rows} (default 1,000,000) {@code array<float>} rows on local[2], SIMD and scalar kernels, next to
 *       the engine scoring the same rows in one JVM;</li>
 *   <li>{@code mnist [epochs] [partitions]}: MNIST 784-128-64-32 trained by {@link SimdaeAutoencoder} over
 *       {@code partitions} (default 2) and by the engine in one JVM (2 threads) for the same epochs (default 10):
 *       seconds per epoch and validation MSE on the 10,000 test images. Needs the IDX files the CLI caches in
 *       {@code ~/.cache/simdae/mnist} (or {@code $SIMDAE_MNIST_DIR}); skipped with a message when they are missing.</li>
 * </ul>
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "score";
        SparkSession spark = SparkSession.builder().master("local[2]").appName("simdae-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.println("kernels: " + KernelProvider.description() + "; JDK " + Runtime.version() + "; cores " + Runtime.getRuntime().availableProcessors());
        try {
            switch (mode) {
                case "score": score(spark, arg(args, 1, 1_000_000), arg(args, 2, 32)); break;
                case "mnist": mnist(spark, arg(args, 1, 10), arg(args, 2, 2)); break;
                default: throw new IllegalArgumentException("usage: score [rows] [features] | mnist [epochs] [partitions]");
            }
        } finally {
            spark.stop();
        }
    }

    private static int arg(String[] a, int i, int dflt) {
        return a.length > i ? Integer.parseInt(a[i].replace("_", "")) : dflt;
    }

    private static void score(SparkSession spark, int rows, int d) {
        // A model of the right width, trained briefly on data of the same generator (its quality is not the point).
        float[] train = new float[4096 * d];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < train.length; i++) train[i] = r.nextFloat();
        TrainedModel tm = AutoencoderTrainer.of(d, 16, 8).epochs(2).seed(1).percentile(99).train(train, 4096);
        Column[] cols = new Column[d];
        for (int j = 0; j < d; j++) cols[j] = functions.rand(j).cast("float");
        Dataset<Row> df = spark.range(0, rows, 1, 2).select(functions.col("id"), functions.array(cols).as("features")).cache();
        long n = df.count();
        System.out.printf(Locale.ROOT, "scoring %,d rows x %d features (array<float>), %d partitions, model %s%n",
                n, d, df.rdd().getNumPartitions(), tm.network().describe());
        for (String kernels : new String[] {"auto", "scalar"}) {
            SimdaeModel model = SimdaeModel.of(tm).setKernels(kernels);
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 4; rep++) { // the first run warms up (codegen, JIT); best of the rest
                long t0 = System.nanoTime();
                Row s = model.transform(df).agg(functions.sum("reconstructionError"), functions.sum("prediction")).first();
                double sec = (System.nanoTime() - t0) / 1e9;
                if (rep > 0) best = Math.min(best, sec);
                if (rep == 3) System.out.printf(Locale.ROOT, "  spark %-6s: %.2f s -> %,.0f rows/s (flagged %.0f)%n", kernels, best, n / best, s.getDouble(1));
            }
        }
        // The same rows scored by the engine in this JVM, for scale: what Spark's row handling costs on top.
        float[] flat = new float[(int) Math.min((long) rows * d, 200_000_000L)];
        int m = flat.length / d;
        for (int i = 0; i < flat.length; i++) flat[i] = r.nextFloat();
        AnomalyDetector det = AnomalyDetector.of(tm);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            det.score(flat, m);
            if (rep > 0) best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "  engine, one thread, flat float[] (%,d rows): %,.0f rows/s%n", m, m / best);
    }

    private static void mnist(SparkSession spark, int epochs, int partitions) throws Exception {
        String dirEnv = System.getenv("SIMDAE_MNIST_DIR");
        Path dir = dirEnv != null ? Path.of(dirEnv) : Path.of(System.getProperty("user.home"), ".cache", "simdae", "mnist");
        Path trainImages = dir.resolve("train-images-idx3-ubyte"), testImages = dir.resolve("t10k-images-idx3-ubyte");
        if (!Files.isRegularFile(trainImages) || !Files.isRegularFile(testImages)) {
            System.out.println("MNIST not found in " + dir + " (fetch it with the CLI first): MNIST part skipped");
            return;
        }
        IdxArray tr = IdxReader.read(trainImages, false), te = IdxReader.read(testImages, false);
        int d = 784, n = tr.values().length / d, nVal = te.values().length / d;
        float[] x = tr.values(), val = te.values();
        System.out.printf(Locale.ROOT, "MNIST: %,d training and %,d validation images; 784-128-64-32, batch 256, Adam 0.001, %d epochs%n", n, nVal, epochs);

        // Single JVM, both cores: the reference.
        float[][] valRows = new float[nVal][];
        for (int i = 0; i < nVal; i++) valRows[i] = Arrays.copyOfRange(val, i * d, (i + 1) * d);
        TrainedModel single = AutoencoderTrainer.of(d, 128, 64, 32).epochs(epochs).divideBy(255).threads(2)
                .validation(valRows).train(x, n);
        double[] secs = single.training().epochSeconds();
        double singleMse = meanError(AnomalyDetector.of(single), val, nVal);
        System.out.printf(Locale.ROOT, "  single JVM (2 threads): %.2f s/epoch (median), val MSE %.6f%n", median(secs), singleMse);

        // Spark: the training images as a Vector column in `partitions` partitions, decoded from the IDX file on the executors.
        StructType schema = new StructType(new StructField[] {new StructField("image", new VectorUDT(), false, Metadata.empty())});
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) parts.add(p);
        String file = trainImages.toString();
        int np = partitions;
        Dataset<Row> df = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, partitions)
                .flatMap(p -> {
                    float[] all = IdxReader.read(Path.of(file), false).values();
                    int total = all.length / 784, from = (int) ((long) p * total / np), to = (int) ((long) (p + 1) * total / np);
                    List<Row> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        double[] v = new double[784];
                        for (int j = 0; j < 784; j++) v[j] = all[i * 784 + j];
                        out.add(RowFactory.create(Vectors.dense(v)));
                    }
                    return out.iterator();
                }), schema);
        long t0 = System.nanoTime();
        SimdaeModel model = new SimdaeAutoencoder().setInputCol("image").setEpochs(epochs).setDivisor(255).setPercentile(99).fit(df);
        double total = (System.nanoTime() - t0) / 1e9;
        double sparkMse = meanError(model.detector(), val, nVal);
        System.out.printf(Locale.ROOT, "  spark local[2], %d partitions: %.2f s/epoch (median), val MSE %.6f (%+.2f%% vs single JVM); fit total %.1f s incl. decoding, scaling and threshold%n",
                partitions, median(model.model().training().epochSeconds()), sparkMse, 100 * (sparkMse / singleMse - 1), total);
        System.out.println("  per-epoch val MSE, single JVM: " + Arrays.toString(round(single.training().valLoss())));
        System.out.println("  threshold (percentile 99 of training errors): " + model.model().threshold().describe());
    }

    private static double meanError(AnomalyDetector d, float[] x, int n) {
        float[] e = d.score(x, n);
        double s = 0;
        for (float v : e) s += v;
        return s / n;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private static String[] round(double[] a) {
        String[] s = new String[a.length];
        for (int i = 0; i < a.length; i++) s[i] = String.format(Locale.ROOT, "%.5f", a[i]);
        return s;
    }
}
