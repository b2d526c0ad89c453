package simdae.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import simdae.engine.AnomalyDetector;
import simdae.engine.format.DType;
import simdae.engine.format.ModelFile;
import simdae.engine.model.TrainedModel;

/**
 * A trained simdae autoencoder as a Spark ML {@code Transformer}: appends the reconstruction error of every row
 * ({@code reconstructionError}, double) and the anomaly flag ({@code prediction}, 1.0 above the model's threshold).
 *
 * <p>The model is the engine's compact {@code .sae} file, kept as bytes. {@link #transform} broadcasts those bytes
 * once; each executor JVM parses them once and scores every partition in batches through the engine's kernels,
 * applying the preprocessing stored in the model. Rows with a null or a wrong-length input fail with a message naming
 * the column and both lengths, or are skipped or kept (null outputs) per {@code handleInvalid}.
 *
 * <pre>{@code
 * SimdaeModel model = SimdaeModel.load("weights/mnist.sae");      // a .sae from the CLI, or a saved Spark model
 * Dataset<Row> scored = model.setInputCol("pixels").transform(df);
 * }</pre>
 *
 * <p>Saved with {@link #write()} (alone or inside a {@code PipelineModel}) as Spark's metadata plus the
 * {@code .sae} file at {@code data/model.sae}.
 */
public final class SimdaeModel extends Model<SimdaeModel> implements ScoringParams, MLWritable {
    private static final long serialVersionUID = 1L;
    /** Rows scored together per batch on an executor: enough to keep the kernels' register tiles busy, small enough for L2. */
    static final int BATCH_ROWS = 1024;

    private final String uid;
    private final byte[] sae;
    private final String contentKey;
    private final SharedParams p;
    private transient TrainedModel model;
    private transient Broadcast<byte[]> broadcast;
    private transient SparkContext broadcastContext;

    /**
     * A model from the bytes of a {@code .sae} file, e.g. one written by the CLI's {@code train}.
     *
     * @throws IllegalArgumentException when the bytes are not a valid model file
     */
    public SimdaeModel(String uid, byte[] sae) {
        this.uid = uid;
        this.sae = sae.clone();
        this.model = SaeFiles.parse(this.sae);
        this.contentKey = sha256(this.sae);
        this.p = new SharedParams(this);
        p.setDefaults(this);
    }

    /** As {@link #SimdaeModel(String, byte[])} with a fresh uid. */
    public SimdaeModel(byte[] sae) {
        this(Identifiable.randomUID("simdaeModel"), sae);
    }

    /** Wraps an in-memory engine model (stored as f32, so scores are exactly the engine's). */
    public static SimdaeModel of(TrainedModel model) {
        return new SimdaeModel(ModelFile.toBytes(model, DType.F32));
    }

    /**
     * Loads either a {@code .sae} file (as the CLI writes it) or a folder written by {@link #write()}. Paths with a
     * scheme ({@code hdfs://}, {@code s3a://}) go through Hadoop and need an active Spark session.
     */
    public static SimdaeModel load(String path) {
        if (SaeFiles.isModelFile(path)) return new SimdaeModel(SaeFiles.read(path));
        return read().load(path);
    }

    /** A {@code .sae} file on the local file system. */
    public static SimdaeModel fromFile(Path file) {
        try {
            return new SimdaeModel(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The reader of folders written by {@link #write()}; Spark's {@code PipelineModel.load} calls it. */
    public static MLReader<SimdaeModel> read() {
        return new SimdaeModelReader();
    }

    @Override
    public MLWriter write() {
        return new SimdaeModelWriter(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override public Param<String> inputCol() { return p.inputCol; }
    @Override public Param<String> errorCol() { return p.errorCol; }
    @Override public Param<String> predictionCol() { return p.predictionCol; }
    @Override public Param<String> handleInvalid() { return p.handleInvalid; }
    @Override public Param<String> kernels() { return p.kernels; }

    /** Sets the input column (Vector, array<float> or array<double>). */
    public SimdaeModel setInputCol(String v) { set(p.inputCol, v); return this; }
    /** Sets the reconstruction-error output column. */
    public SimdaeModel setErrorCol(String v) { set(p.errorCol, v); return this; }
    /** Sets the prediction output column. */
    public SimdaeModel setPredictionCol(String v) { set(p.predictionCol, v); return this; }
    /** Sets the invalid-row policy: error, skip or keep. */
    public SimdaeModel setHandleInvalid(String v) { set(p.handleInvalid, v); return this; }
    /** Sets the executors' kernels: auto, vector or scalar. */
    public SimdaeModel setKernels(String v) { set(p.kernels, v); return this; }

    /** Width of one input row. */
    public int inputSize() {
        return model().network().inputSize();
    }

    /** The detection threshold stored in the model: errors strictly above it are anomalies. */
    public double threshold() {
        return model().threshold().value();
    }

    /** The engine's model (a parsed copy owned by this object; do not train it). */
    public TrainedModel model() {
        if (model == null) model = SaeFiles.parse(sae);
        return model;
    }

    /** A single-JVM detector over the same model, with the JVM's default kernels. */
    public AnomalyDetector detector() {
        return AnomalyDetector.of(model());
    }

    /** The {@code .sae} bytes (a copy): what is broadcast and what {@link #write()} stores. */
    public byte[] toBytes() {
        return sae.clone();
    }

    byte[] bytesView() {
        return sae;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, this, inputSize());
    }

    /**
     * Checks the input column (name, type, and width when {@code size >= 0}) and the output names, and returns
     * {@code schema} with the two output columns. Shared with the estimator, which does not know the width yet.
     */
    static StructType outputSchema(StructType schema, ScoringParams params, int size) {
        InputColumn.resolve(schema, params.getInputCol(), size);
        String err = params.getErrorCol(), pred = params.getPredictionCol();
        for (String out : new String[] {err, pred}) {
            if (Arrays.asList(schema.fieldNames()).contains(out)) {
                throw new IllegalArgumentException("output column '" + out + "' already exists; choose another name");
            }
        }
        if (err.equals(pred)) throw new IllegalArgumentException("errorCol and predictionCol are both '" + err + "'");
        // Nullable only when kept invalid rows can put a null there.
        boolean nullable = "keep".equals(params.getHandleInvalid());
        return schema.add(err, DataTypes.DoubleType, nullable).add(pred, DataTypes.DoubleType, nullable);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        InputColumn column = InputColumn.resolve(dataset.schema(), getInputCol(), inputSize());
        if ("vector".equals(getKernels())) ExecutorModels.kernels("vector"); // fail on the driver, not in a task
        Broadcast<byte[]> bc = broadcast(dataset.sparkSession().sparkContext());
        PartitionScorer scorer = new PartitionScorer(bc, contentKey, getKernels(), column, getHandleInvalid(), BATCH_ROWS);
        return dataset.toDF().mapPartitions(scorer, Encoders.row(out));
    }

    /** One broadcast per model and Spark context: repeated transforms reuse it, a new context gets a new one. */
    private synchronized Broadcast<byte[]> broadcast(SparkContext sc) {
        if (broadcast == null || broadcastContext != sc || sc.isStopped()) {
            broadcast = JavaSparkContext.fromSparkContext(sc).broadcast(sae);
            broadcastContext = sc;
        }
        return broadcast;
    }

    @Override
    public SimdaeModel copy(ParamMap extra) {
        SimdaeModel copy = new SimdaeModel(uid, sae);
        copyValues(copy, extra);
        if (hasParent()) copy.setParent(parent());
        return copy;
    }

    @Override
    public String toString() {
        return "SimdaeModel[uid=" + uid + ", " + model().network().describe() + ", threshold "
                + model().threshold().describe() + "]";
    }

    private static String sha256(byte[] b) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) sb.append(String.format("%02x", h[i]));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
