package simdae.spark;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import simdae.engine.Version;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainConfig;

/**
 * Trains a simdae autoencoder over a DataFrame's partitions as a Spark ML {@code Estimator}, giving a
 * {@link SimdaeModel}. Params mirror the CLI's {@code train}: encoder sizes, epochs, batch size, learning rate, seed,
 * scaling, and the threshold rule (fixed, percentile, contamination, sigma).
 *
 * <p>Training is synchronous data-parallel gradient aggregation (see {@link DataParallelTrainer}): every mini-batch
 * draws rows from all partitions, each partition computes its share of the gradient, the driver takes the Adam step.
 * The same seed and the same input partitioning give the same model; one partition gives the engine's single-JVM
 * model. The threshold is then calibrated from the training errors, computed in parallel.
 *
 * <pre>{@code
 * SimdaeModel model = new SimdaeAutoencoder()
 *         .setInputCol("features").setEncoderSizes(128, 64, 32)
 *         .setEpochs(10).setScaling("divide").setDivisor(255).setPercentile(99)
 *         .fit(train);
 * }</pre>
 */
public final class SimdaeAutoencoder extends Estimator<SimdaeModel> implements ScoringParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    static final String[] RULES = {"fixed", "percentile", "contamination", "sigma"};
    static final String[] SCALINGS = {"none", "divide", "minmax", "zscore"};

    private final String uid;
    private final SharedParams p;
    private final IntArrayParam encoderSizes;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final DoubleParam learningRate;
    private final LongParam seed;
    private final Param<String> scaling;
    private final DoubleParam divisor;
    private final Param<String> thresholdRule;
    private final DoubleParam threshold;
    private final DoubleParam percentile;
    private final DoubleParam contamination;
    private final DoubleParam sigma;
    private final DoubleParam quantileRelativeError;

    /** An estimator with the defaults of the CLI and the notebook (784-style 128-64-32 encoder, 10 epochs, ...). */
    public SimdaeAutoencoder() {
        this(Identifiable.randomUID("simdaeAutoencoder"));
    }

    /** With a given uid (used when loading). */
    public SimdaeAutoencoder(String uid) {
        this.uid = uid;
        p = new SharedParams(this);
        encoderSizes = new IntArrayParam(this, "encoderSizes",
                "encoder layer widths, mirrored for the decoder: [128, 64, 32] gives d-128-64-32-64-128-d (ReLU, sigmoid output)");
        epochs = new IntParam(this, "epochs", "passes over the training data (>= 1)", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize",
                "rows per mini-batch over all partitions together, as in single-JVM training (>= 1)", ParamValidators.gtEq(1));
        learningRate = new DoubleParam(this, "learningRate", "Adam learning rate (> 0)", ParamValidators.gt(0));
        seed = new LongParam(this, "seed", "seed of the initial weights and of every partition's per-epoch shuffle");
        scaling = new Param<>(this, "scaling",
                "input scaling stored in the model: 'none', 'divide' (by divisor, e.g. 255 for pixels), 'minmax' or"
                        + " 'zscore' (per feature, fitted on the training data)", ParamValidators.inArray(SCALINGS));
        divisor = new DoubleParam(this, "divisor", "divisor of scaling 'divide' (non-zero)");
        thresholdRule = new Param<>(this, "thresholdRule",
                "how the anomaly threshold is set: 'fixed' (threshold), 'percentile' (percentile of the training errors),"
                        + " 'contamination' (flag that fraction of the training rows) or 'sigma' (mean + sigma·std)",
                ParamValidators.inArray(RULES));
        threshold = new DoubleParam(this, "threshold", "the threshold of rule 'fixed'");
        percentile = new DoubleParam(this, "percentile", "percentile (0, 100) of rule 'percentile'",
                ParamValidators.inRange(0, 100, false, false));
        contamination = new DoubleParam(this, "contamination", "fraction (0, 0.5] of rule 'contamination'",
                ParamValidators.inRange(0, 0.5, false, true));
        sigma = new DoubleParam(this, "sigma", "k of rule 'sigma' (>= 0)", ParamValidators.gtEq(0));
        quantileRelativeError = new DoubleParam(this, "quantileRelativeError",
                "relative rank error of approxQuantile when calibrating percentile/contamination thresholds (0 = exact)",
                ParamValidators.inRange(0, 1));
        p.setDefaults(this);
        setDefault(encoderSizes, new int[] {128, 64, 32});
        setDefault(epochs, 10);
        setDefault(batchSize, 256);
        setDefault(learningRate, 0.001);
        setDefault(seed, 42L);
        setDefault(scaling, "none");
        setDefault(divisor, 255.0);
        setDefault(thresholdRule, "fixed");
        setDefault(threshold, 0.01);
        setDefault(percentile, 99.0);
        setDefault(contamination, 0.01);
        setDefault(sigma, 3.0);
        setDefault(quantileRelativeError, 1e-4);
    }

    /** Reader of a saved (unfitted) estimator. */
    public static MLReader<SimdaeAutoencoder> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads a saved estimator. */
    public static SimdaeAutoencoder load(String path) {
        return read().load(path);
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
    /** Encoder widths. */
    public IntArrayParam encoderSizes() { return encoderSizes; }
    /** Epochs. */
    public IntParam epochs() { return epochs; }
    /** Global mini-batch size. */
    public IntParam batchSize() { return batchSize; }
    /** Adam learning rate. */
    public DoubleParam learningRate() { return learningRate; }
    /** Seed. */
    public LongParam seed() { return seed; }
    /** Input scaling. */
    public Param<String> scaling() { return scaling; }
    /** Divisor of scaling 'divide'. */
    public DoubleParam divisor() { return divisor; }
    /** Threshold rule. */
    public Param<String> thresholdRule() { return thresholdRule; }
    /** Fixed threshold. */
    public DoubleParam threshold() { return threshold; }
    /** Percentile of rule 'percentile'. */
    public DoubleParam percentile() { return percentile; }
    /** Fraction of rule 'contamination'. */
    public DoubleParam contamination() { return contamination; }
    /** k of rule 'sigma'. */
    public DoubleParam sigma() { return sigma; }
    /** approxQuantile's relative error. */
    public DoubleParam quantileRelativeError() { return quantileRelativeError; }

    /** Encoder widths. */
    public int[] getEncoderSizes() { return getOrDefault(encoderSizes).clone(); }
    /** Epochs. */
    public int getEpochs() { return (Integer) getOrDefault(epochs); }
    /** Global mini-batch size. */
    public int getBatchSize() { return (Integer) getOrDefault(batchSize); }
    /** Adam's learning rate. */
    public double getLearningRate() { return (Double) getOrDefault(learningRate); }
    /** Seed. */
    public long getSeed() { return (Long) getOrDefault(seed); }
    /** Scaling. */
    public String getScaling() { return getOrDefault(scaling); }
    /** Divisor of scaling 'divide'. */
    public double getDivisor() { return (Double) getOrDefault(divisor); }
    /** Threshold rule. */
    public String getThresholdRule() { return getOrDefault(thresholdRule); }
    /** approxQuantile's relative error. */
    public double getQuantileRelativeError() { return (Double) getOrDefault(quantileRelativeError); }

    /** Sets the input column. */
    public SimdaeAutoencoder setInputCol(String v) { set(p.inputCol, v); return this; }
    /** Sets the model's error column. */
    public SimdaeAutoencoder setErrorCol(String v) { set(p.errorCol, v); return this; }
    /** Sets the model's prediction column. */
    public SimdaeAutoencoder setPredictionCol(String v) { set(p.predictionCol, v); return this; }
    /** Sets the invalid-row policy (training leaves invalid rows out under 'skip' and 'keep'). */
    public SimdaeAutoencoder setHandleInvalid(String v) { set(p.handleInvalid, v); return this; }
    /** Sets the kernels on executors. */
    public SimdaeAutoencoder setKernels(String v) { set(p.kernels, v); return this; }
    /** Sets the encoder widths, e.g. {@code setEncoderSizes(128, 64, 32)}. */
    public SimdaeAutoencoder setEncoderSizes(int... v) { set(encoderSizes, v.clone()); return this; }
    /** Sets the epochs. */
    public SimdaeAutoencoder setEpochs(int v) { set(epochs, v); return this; }
    /** Sets the global mini-batch size. */
    public SimdaeAutoencoder setBatchSize(int v) { set(batchSize, v); return this; }
    /** Sets Adam's learning rate. */
    public SimdaeAutoencoder setLearningRate(double v) { set(learningRate, v); return this; }
    /** Sets the seed. */
    public SimdaeAutoencoder setSeed(long v) { set(seed, v); return this; }
    /** Sets the scaling: none, divide, minmax or zscore. */
    public SimdaeAutoencoder setScaling(String v) { set(scaling, v.toLowerCase(Locale.ROOT)); return this; }
    /** Scaling 'divide' by {@code v} (sets both). */
    public SimdaeAutoencoder setDivisor(double v) { set(divisor, v); set(scaling, "divide"); return this; }
    /** Sets the threshold rule by name. */
    public SimdaeAutoencoder setThresholdRule(String v) { set(thresholdRule, v.toLowerCase(Locale.ROOT)); return this; }
    /** A fixed threshold (sets rule 'fixed'). */
    public SimdaeAutoencoder setThreshold(double v) { set(threshold, v); set(thresholdRule, "fixed"); return this; }
    /** The {@code v}-th percentile of training errors (sets rule 'percentile'). */
    public SimdaeAutoencoder setPercentile(double v) { set(percentile, v); set(thresholdRule, "percentile"); return this; }
    /** Flag fraction {@code v} of the training rows (sets rule 'contamination'). */
    public SimdaeAutoencoder setContamination(double v) { set(contamination, v); set(thresholdRule, "contamination"); return this; }
    /** mean + v·std of training errors (sets rule 'sigma'). */
    public SimdaeAutoencoder setSigma(double v) { set(sigma, v); set(thresholdRule, "sigma"); return this; }
    /** Sets approxQuantile's relative error (0 = exact). */
    public SimdaeAutoencoder setQuantileRelativeError(double v) { set(quantileRelativeError, v); return this; }

    /** The engine's training configuration these params describe ({@code threads} = 1: Spark runs the partitions in parallel). */
    public TrainConfig trainConfig() {
        return TrainConfig.defaults().withEpochs(getEpochs()).withBatchSize(getBatchSize())
                .withLearningRate((float) getLearningRate()).withSeed(getSeed()).withThreads(1);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        // The input width is known only from the data (or a vector column's ML attributes); name and type are checked.
        return SimdaeModel.outputSchema(schema, this, declaredSize(schema));
    }

    @Override
    public SimdaeModel fit(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        int[] encoder = getEncoderSizes();
        if (encoder.length == 0) throw new IllegalArgumentException("encoderSizes needs at least one width");
        for (int w : encoder) {
            if (w < 1) throw new IllegalArgumentException("encoder widths must be positive, got " + Arrays.toString(encoder));
        }
        transformSchema(schema); // column name, type and output names fail here, before any job
        int d = inputSize(dataset);
        Threshold.Rule rule = Threshold.Rule.valueOf(getThresholdRule().toUpperCase(Locale.ROOT));
        double parameter = ruleParameter(rule);
        ThresholdFit.quantileOf(rule, parameter); // validate before any job
        TrainConfig cfg = trainConfig();
        Kernels driverKernels = ExecutorModels.kernels(getKernels());

        Dataset<Row> features = dataset.toDF().select(getInputCol());
        TrainingBlocks data = TrainingBlocks.of(features, InputColumn.resolve(features.schema(), getInputCol(), d), getHandleInvalid());
        try {
            if (data.rows == 0) throw new IllegalArgumentException("input column '" + getInputCol() + "' has no valid rows to train on");
            Preprocessing pre = ScalingFit.fit(getScaling(), getDivisor(), data);
            NetworkSpec spec0 = new NetworkSpec(d, encoder, pre);
            Network net = Network.autoencoder(d, encoder).initGlorot(cfg.seed());
            java.util.List<EpochResult> history = new DataParallelTrainer(data, spec0, cfg, driverKernels, getKernels()).fit(net);
            Threshold th = ThresholdFit.calibrate(dataset.sparkSession(), data, spec0, net.params(), getKernels(), rule,
                    parameter, getQuantileRelativeError());
            TrainingInfo info = new TrainingInfo(cfg.epochs(), cfg.batchSize(), cfg.learningRate(), cfg.seed(),
                    data.partitions(), driverKernels.name() + "-" + driverKernels.laneWidth(), Version.get(),
                    System.currentTimeMillis(), data.rows,
                    history.stream().mapToDouble(EpochResult::loss).toArray(),
                    history.stream().mapToDouble(EpochResult::valLoss).toArray(),
                    history.stream().mapToDouble(EpochResult::seconds).toArray());
            SimdaeModel model = SimdaeModel.of(new TrainedModel(net, pre, th, info));
            copyValues(model, ParamMap.empty());
            model.setParent(this);
            return model;
        } finally {
            data.release();
        }
    }

    private double ruleParameter(Threshold.Rule rule) {
        switch (rule) {
            case PERCENTILE: return (Double) getOrDefault(percentile);
            case CONTAMINATION: return (Double) getOrDefault(contamination);
            case SIGMA: return (Double) getOrDefault(sigma);
            default: return (Double) getOrDefault(threshold);
        }
    }

    /** The input width: from the vector column's ML attributes when present, else from the first non-null row. */
    private int inputSize(Dataset<?> dataset) {
        int declared = declaredSize(dataset.schema());
        if (declared > 0) return declared;
        Dataset<Row> first = dataset.toDF().select(getInputCol()).where(functions.col(getInputCol()).isNotNull()).limit(1);
        java.util.List<Row> rows = first.collectAsList();
        if (rows.isEmpty()) throw new IllegalArgumentException("input column '" + getInputCol() + "' has no non-null rows to train on");
        int len = InputColumn.resolve(first.schema(), getInputCol(), -1).length(rows.get(0));
        if (len < 1) throw new IllegalArgumentException("input column '" + getInputCol() + "': its first row has no usable values");
        return len;
    }

    /** The vector size recorded in the column's ML attributes, or -1. */
    private int declaredSize(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains(getInputCol())) return -1;
        if (!(schema.apply(getInputCol()).dataType() instanceof VectorUDT)) return -1;
        return AttributeGroup.fromStructField(schema.apply(getInputCol())).size();
    }

    @Override
    public SimdaeAutoencoder copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
