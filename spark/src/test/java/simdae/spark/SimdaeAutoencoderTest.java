package simdae.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.AnomalyDetector;
import simdae.engine.AutoencoderTrainer;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;

/** Distributed training on local[2]: quality, reproducibility, thresholds, pipelines and persistence. */
class SimdaeAutoencoderTest {
    static final int D = 12;
    static final int NORMAL = 1200;
    static final int PLANTED = 10;
    static SparkSession spark;
    static TestData data;
    static TestData validation;

    @BeforeAll
    static void setUp() {
        spark = TestSpark.session();
        data = TestData.generate(NORMAL, PLANTED, D, 11);
        validation = TestData.generate(400, 0, D, 12);
    }

    /** Small and quick: 12 steps per epoch. */
    static SimdaeAutoencoder estimator() {
        return new SimdaeAutoencoder().setEncoderSizes(8, 3).setEpochs(12).setBatchSize(100).setLearningRate(0.01)
                .setSeed(5).setScaling("minmax");
    }

    static AutoencoderTrainer singleJvm() {
        return AutoencoderTrainer.of(D, 8, 3).epochs(12).batchSize(100).learningRate(0.01f).seed(5).threads(1)
                .scaling(AutoencoderTrainer.Scaling.MINMAX);
    }

    static double meanError(AnomalyDetector d, TestData t) {
        float[] e = d.score(t.flat(), t.size());
        double s = 0;
        for (float v : e) s += v;
        return s / e.length;
    }

    @Test
    void fitThenTransformFlagsPlantedAnomaliesAndMatchesTheEngine() {
        SimdaeModel model = estimator().setPercentile(99).fit(data.frame(spark, 2));
        assertEquals(model.uid(), model.uid());
        assertEquals(2, model.model().training().threads(), "one data-parallel worker per partition");
        AnomalyDetector engine = model.detector();
        float[] expected = engine.score(data.flat(), data.size());
        List<Row> rows = model.transform(data.frame(spark, 3)).select("id", "reconstructionError", "prediction").collectAsList();
        assertEquals(data.size(), rows.size());
        for (Row r : rows) {
            int i = r.getInt(0);
            assertEquals(expected[i], r.getDouble(1), 1e-6 + 1e-5 * expected[i], "row " + i);
            assertEquals(expected[i] > model.threshold() ? 1.0 : 0.0, r.getDouble(2), "row " + i);
            if (data.anomaly[i]) assertEquals(1.0, r.getDouble(2), "planted anomaly " + i + " error " + r.getDouble(1) + " threshold " + model.threshold());
        }
    }

    /*
     * Bitwise comparisons use the scalar kernels: plain Java float arithmetic is identical in the interpreter and in
     * JIT-compiled code, while the Vector API's fallback (before C2 compiles a method) may round a reduction's last bit
     * differently from its intrinsic, so two otherwise identical runs in one JVM could differ in the last bit.
     */
    @Test
    void onePartitionIsExactlySingleJvmTraining() {
        SimdaeModel spark1 = estimator().setKernels("scalar").fit(data.frame(spark, 1));
        TrainedModel single = singleJvm().kernels(KernelProvider.scalar()).train(data.flat(), data.size());
        assertArrayEquals(single.network().params(), spark1.model().network().params());
        assertEquals(single.preprocessing(), spark1.model().preprocessing());
        assertArrayEquals(single.training().loss(), spark1.model().training().loss(), 1e-12);
    }

    @Test
    void sameSeedAndPartitioningGiveTheSameModelAndAnotherSeedDoesNot() {
        Dataset<Row> df = data.frame(spark, 2);
        SimdaeModel a = estimator().setKernels("scalar").setEpochs(4).setContamination(0.02).fit(df);
        SimdaeModel b = estimator().setKernels("scalar").setEpochs(4).setContamination(0.02).fit(df);
        assertArrayEquals(a.model().network().params(), b.model().network().params());
        assertEquals(a.threshold(), b.threshold());
        SimdaeModel c = estimator().setKernels("scalar").setEpochs(1).setContamination(0.02).setSeed(6).fit(df);
        assertFalse(Arrays.equals(a.model().network().params(), c.model().network().params()));
        assertFalse(Arrays.equals(a.model().network().params(), estimator().setKernels("scalar").setEpochs(4).fit(data.frame(spark, 3)).model().network().params()),
                "another partitioning draws other batches");
    }

    @Test
    void twoPartitionsReachSingleJvmValidationErrorWithinFivePercent() {
        SimdaeModel distributed = estimator().fit(data.frame(spark, 2));
        AnomalyDetector single = singleJvm().fit(data.flat(), data.size());
        double mseSpark = meanError(distributed.detector(), validation);
        double mseSingle = meanError(single, validation);
        assertTrue(Math.abs(mseSpark - mseSingle) <= 0.05 * mseSingle,
                "validation MSE " + mseSpark + " on 2 partitions vs " + mseSingle + " in one JVM");
        // and it learned something: far below the error of the untrained start
        TrainedModel start = new TrainedModel(Network.autoencoder(D, 8, 3).initGlorot(5), distributed.model().preprocessing(), null, null);
        double untrained = meanError(AnomalyDetector.of(start), validation);
        assertTrue(mseSpark < 0.5 * untrained, mseSpark + " vs untrained " + untrained);
    }

    @Test
    void thresholdRulesMatchTheEngineCalibrationOnTheSameModel() {
        SimdaeModel model = estimator().setEpochs(4).setQuantileRelativeError(0).setPercentile(95).fit(data.frame(spark, 2));
        Threshold t = model.model().threshold();
        assertEquals(Threshold.Rule.PERCENTILE, t.rule());
        float[] err = model.detector().score(data.flat(), data.size());
        double[] sorted = new double[err.length];
        for (int i = 0; i < err.length; i++) sorted[i] = err[i];
        Arrays.sort(sorted);
        // approxQuantile returns an order statistic; the engine interpolates between neighbours.
        int rank = (int) Math.floor(0.95 * (err.length - 1));
        assertTrue(t.value() >= sorted[rank] - 1e-7 && t.value() <= sorted[rank + 1] + 1e-7,
                t.value() + " not between " + sorted[rank] + " and " + sorted[rank + 1]);
        ErrorStats s = ErrorStats.of(err);
        assertEquals(s.mean(), t.calibration().mean(), 1e-6 * s.mean() + 1e-9);
        assertEquals(s.std(), t.calibration().std(), 1e-5 * s.std() + 1e-9);
        assertEquals(err.length, t.calibration().count());
    }

    @Test
    void fixedAndSigmaRules() {
        SimdaeAutoencoder est = estimator().setEpochs(2);
        SimdaeModel fixed = est.setThreshold(0.125).fit(data.frame(spark, 2));
        assertEquals(0.125, fixed.threshold());
        SimdaeModel sigma = est.setSigma(2).fit(data.frame(spark, 2));
        ErrorStats s = sigma.model().threshold().calibration();
        assertEquals(s.mean() + 2 * s.std(), sigma.threshold(), 1e-12);
    }

    @Test
    void pipelineWithAssemblerFitsSavesAndLoads(@TempDir Path dir) throws Exception {
        String[] cols = new String[D];
        for (int j = 0; j < D; j++) cols[j] = "f" + j;
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(cols).setOutputCol("assembled"),
                estimator().setEpochs(3).setInputCol("assembled").setContamination(0.01)});
        String estPath = dir.resolve("estimator").toString();
        pipeline.write().overwrite().save(estPath);
        Pipeline reloaded = Pipeline.load(estPath);
        SimdaeAutoencoder est = (SimdaeAutoencoder) reloaded.getStages()[1];
        assertEquals(3, est.getEpochs());
        assertEquals("contamination", est.getThresholdRule());
        assertArrayEquals(new int[] {8, 3}, est.getEncoderSizes());

        PipelineModel fitted = reloaded.fit(data.frame(spark, 2));
        List<Row> before = fitted.transform(data.frame(spark, 2)).orderBy("id").select("reconstructionError").collectAsList();
        String modelPath = dir.resolve("model").toString();
        fitted.write().overwrite().save(modelPath);
        List<Row> after = PipelineModel.load(modelPath).transform(data.frame(spark, 2)).orderBy("id").select("reconstructionError").collectAsList();
        assertEquals(before, after);
    }

    @Test
    void explainParamsIsReadableWithDefaults() {
        String text = new SimdaeAutoencoder().explainParams();
        for (String p : List.of("encoderSizes", "epochs: passes over the training data (>= 1) (default: 10)", "batchSize",
                "learningRate", "seed", "scaling", "thresholdRule", "percentile", "contamination", "inputCol")) {
            assertTrue(text.contains(p), p + " missing in\n" + text);
        }
    }

    @Test
    void badInputColumnTypeFailsBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator().setInputCol("anomaly").fit(data.frame(spark, 2)));
        assertTrue(e.getMessage().contains("'anomaly'") && e.getMessage().contains("boolean"), e.getMessage());
    }
}
