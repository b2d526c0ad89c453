package simdae.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.AnomalyDetector;
import simdae.engine.AutoencoderTrainer;
import simdae.engine.format.DType;
import simdae.engine.format.ModelFile;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;

/** Scoring with a model trained in one JVM: values, invalid rows, types, pipelines and persistence. */
class SimdaeModelTest {
    static final int D = 12;
    static SparkSession spark;
    static TestData data;
    static TrainedModel trained;
    static AnomalyDetector single;

    @BeforeAll
    static void setUp() {
        spark = TestSpark.session();
        data = TestData.generate(1500, 12, D, 7);
        float[] normal = new float[1500 * D];
        System.arraycopy(data.flat(), 0, normal, 0, normal.length);
        trained = AutoencoderTrainer.of(D, 8, 3).epochs(40).batchSize(64).learningRate(0.01f).seed(3).threads(1)
                .scaling(AutoencoderTrainer.Scaling.MINMAX).percentile(99).train(normal, 1500);
        single = AnomalyDetector.of(trained);
    }

    /** Rows by id: error, prediction. */
    private static double[][] collect(Dataset<Row> scored, String errCol, String predCol) {
        double[][] out = new double[data.size()][];
        for (Row r : scored.select("id", errCol, predCol).collectAsList()) {
            out[r.getInt(0)] = new double[] {r.isNullAt(1) ? Double.NaN : r.getDouble(1), r.isNullAt(2) ? Double.NaN : r.getDouble(2)};
        }
        return out;
    }

    private static void assertMatchesSingleJvm(double[][] got, AnomalyDetector reference) {
        float[] expected = reference.score(data.flat(), data.size());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(expected[i], got[i][0], 1e-6 + 1e-5 * expected[i], "error of row " + i);
            assertEquals(expected[i] > reference.threshold() ? 1.0 : 0.0, got[i][1], "prediction of row " + i);
        }
    }

    @Test
    void vectorColumnScoresLikeTheEngineAndFlagsPlantedAnomalies() {
        SimdaeModel model = SimdaeModel.of(trained);
        double[][] got = collect(model.transform(data.frame(spark, 3)), "reconstructionError", "prediction");
        assertMatchesSingleJvm(got, single);
        int flagged = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.anomaly[i]) {
                assertEquals(1.0, got[i][1], "planted anomaly " + i + " with error " + got[i][0] + " vs threshold " + model.threshold());
                flagged++;
            }
        }
        assertEquals(12, flagged);
    }

    @Test
    void floatAndDoubleArrayColumnsScoreTheSame() {
        Dataset<Row> df = data.frame(spark, 2);
        for (String col : List.of("floats", "doubles")) {
            SimdaeModel model = SimdaeModel.of(trained).setInputCol(col).setErrorCol("err").setPredictionCol("odd");
            assertMatchesSingleJvm(collect(model.transform(df), "err", "odd"), single);
        }
    }

    @Test
    void sparseVectorsScoreLikeTheirDenseValues() {
        float[] flat = data.flat();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < D; j += 3) flat[i * D + j] = 0f;
        }
        float[] expected = single.score(flat, data.size());
        for (Row r : SimdaeModel.of(trained).setInputCol("sparse").transform(data.frame(spark, 2))
                .select("id", "reconstructionError").collectAsList()) {
            int i = r.getInt(0);
            assertEquals(expected[i], r.getDouble(1), 1e-6 + 1e-5 * expected[i], "row " + i);
        }
    }

    @Test
    void scalarAndVectorKernelsAgreeWithinFloatTolerance() {
        Dataset<Row> df = data.frame(spark, 2);
        double[][] scalar = collect(SimdaeModel.of(trained).setKernels("scalar").transform(df), "reconstructionError", "prediction");
        assertMatchesSingleJvm(scalar, AnomalyDetector.of(trained, KernelProvider.scalar()));
        if (KernelProvider.vectorModulePresent()) {
            double[][] vector = collect(SimdaeModel.of(trained).setKernels("vector").transform(df), "reconstructionError", "prediction");
            assertMatchesSingleJvm(vector, AnomalyDetector.of(trained, KernelProvider.vector()));
            for (int i = 0; i < data.size(); i++) assertEquals(scalar[i][0], vector[i][0], 1e-6 + 1e-5 * scalar[i][0]);
        } else {
            System.out.println("jdk.incubator.vector not in this test JVM: vector-kernel comparison not run");
        }
    }

    @Test
    void modelIsParsedOncePerJvmWhateverThePartitions() {
        SimdaeModel model = SimdaeModel.of(trained).setKernels("scalar");
        Dataset<Row> df = data.frame(spark, 4);
        model.transform(df).count();
        int after = ExecutorModels.loads();
        model.transform(df).collectAsList();
        model.copy(new org.apache.spark.ml.param.ParamMap()).transform(df).collectAsList();
        assertEquals(after, ExecutorModels.loads(), "a second transform of the same model parsed it again");
    }

    @Test
    void pipelineWithVectorAssemblerSavesAndLoadsInAFreshSession(@TempDir Path dir) throws Exception {
        String[] cols = new String[D];
        for (int j = 0; j < D; j++) cols[j] = "f" + j;
        VectorAssembler assembler = new VectorAssembler().setInputCols(cols).setOutputCol("assembled");
        SimdaeModel model = SimdaeModel.of(trained).setInputCol("assembled").setErrorCol("err");
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler}).fit(data.frame(spark, 2));
        PipelineModel full = new PipelineModel("withSimdae", new org.apache.spark.ml.Transformer[] {pipeline.stages()[0], model});
        double[][] before = collect(full.transform(data.frame(spark, 2)), "err", "prediction");
        assertMatchesSingleJvm(before, single);

        String path = dir.resolve("pipeline").toString();
        full.write().overwrite().save(path);
        Path sae = dir.resolve("pipeline/stages/1_" + model.uid() + "/data/model.sae");
        assertTrue(Files.isRegularFile(sae), "the compact model file is inside Spark's folder: " + sae);
        assertEquals(trained.threshold().value(), ModelFile.load(sae).model().threshold().value());

        spark.stop();
        spark = TestSpark.session();
        PipelineModel loaded = PipelineModel.load(path);
        SimdaeModel stage = (SimdaeModel) loaded.stages()[1];
        assertEquals("assembled", stage.getInputCol());
        assertEquals("err", stage.getErrorCol());
        double[][] after = collect(loaded.transform(data.frame(spark, 3)), "err", "prediction");
        for (int i = 0; i < data.size(); i++) {
            assertEquals(before[i][0], after[i][0], 0.0, "row " + i);
            assertEquals(before[i][1], after[i][1], 0.0, "row " + i);
        }
    }

    @Test
    void wrapsASaeFileAsTheCliWritesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.sae");
        ModelFile.save(trained, file, DType.F32);
        SimdaeModel fromLoad = SimdaeModel.load(file.toString());
        SimdaeModel fromBytes = new SimdaeModel(Files.readAllBytes(file));
        assertEquals(D, fromLoad.inputSize());
        Dataset<Row> df = data.frame(spark, 2);
        assertMatchesSingleJvm(collect(fromLoad.transform(df), "reconstructionError", "prediction"), single);
        assertMatchesSingleJvm(collect(fromBytes.transform(df), "reconstructionError", "prediction"), single);
    }

    @Test
    void wrongColumnTypeFailsOnTheDriverNamingColumnAndType() {
        Dataset<Row> df = data.frame(spark, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimdaeModel.of(trained).setInputCol("id").transform(df));
        assertTrue(e.getMessage().contains("'id'") && e.getMessage().contains("int"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SimdaeModel.of(trained).setInputCol("nope").transform(df));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
    }

    @Test
    void vectorOfTheWrongSizeFailsOnTheDriverFromItsAttributes() {
        String[] cols = new String[D - 1];
        for (int j = 0; j < D - 1; j++) cols[j] = "f" + j;
        Dataset<Row> df = new VectorAssembler().setInputCols(cols).setOutputCol("short").transform(data.frame(spark, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimdaeModel.of(trained).setInputCol("short").transform(df));
        assertTrue(e.getMessage().contains("'short'") && e.getMessage().contains("size " + (D - 1))
                && e.getMessage().contains("expected " + D), e.getMessage());
    }

    /** Row 0 is three values short, row 1 is null, row 2 has a null element; the rest are valid. */
    private Dataset<Row> withInvalidRows() {
        Dataset<Row> df = data.frame(spark, 2);
        return df.withColumn("floats", functions.when(functions.col("id").equalTo(0), functions.slice(functions.col("floats"), 1, D - 3))
                .when(functions.col("id").equalTo(1), functions.lit(null))
                .when(functions.col("id").equalTo(2), functions.array_insert(functions.slice(functions.col("floats"), 1, D - 1), functions.lit(D), functions.lit(null).cast("float")))
                .otherwise(functions.col("floats")));
    }

    @Test
    void wrongLengthFailsNamingColumnExpectedAndFound() {
        Dataset<Row> df = withInvalidRows().filter("id = 0");
        Exception e = assertThrows(Exception.class,
                () -> SimdaeModel.of(trained).setInputCol("floats").transform(df).collectAsList());
        String msg = messages(e);
        assertTrue(msg.contains("input column 'floats'") && msg.contains("expected " + D) && msg.contains("found " + (D - 3)), msg);
        Exception nul = assertThrows(Exception.class,
                () -> SimdaeModel.of(trained).setInputCol("floats").transform(withInvalidRows().filter("id = 1")).collectAsList());
        assertTrue(messages(nul).contains("found a null value"), messages(nul));
    }

    @Test
    void handleInvalidSkipAndKeep() {
        Dataset<Row> df = withInvalidRows();
        List<Row> skipped = SimdaeModel.of(trained).setInputCol("floats").setHandleInvalid("skip").transform(df)
                .select("id").collectAsList();
        assertEquals(data.size() - 3, skipped.size());
        assertTrue(skipped.stream().noneMatch(r -> r.getInt(0) < 3));

        Dataset<Row> kept = SimdaeModel.of(trained).setInputCol("floats").setHandleInvalid("keep").transform(df);
        double[][] got = collect(kept, "reconstructionError", "prediction");
        float[] expected = single.score(data.flat(), data.size());
        for (int i = 0; i < data.size(); i++) {
            if (i < 3) {
                assertTrue(Double.isNaN(got[i][0]) && Double.isNaN(got[i][1]), "row " + i + " kept with null outputs");
            } else {
                assertEquals(expected[i], got[i][0], 1e-6 + 1e-5 * expected[i]);
            }
        }
        assertTrue(kept.schema().apply("reconstructionError").nullable());
        Row r = kept.filter("id = 1").select("reconstructionError").first();
        assertNull(r.get(0));
    }

    @Test
    void explainParamsNamesEveryParam() {
        String text = SimdaeModel.of(trained).explainParams();
        for (String p : List.of("inputCol", "errorCol", "predictionCol", "handleInvalid", "kernels")) {
            assertTrue(text.contains(p + ":"), text);
        }
    }

    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) sb.append(c.getMessage()).append(" | ");
        return sb.toString();
    }
}
