package simdae.cli.oneclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simdae.engine.data.Preprocessing;
import simdae.engine.util.SplitMix64;

class OneClassBenchmarkTest {
    private static final int D = 20;
    private static final String[] NAMES = {"a", "b", "c"};

    /** Three clusters of 20-pixel "images": a random prototype per class plus small noise, clipped to [0, 1]. */
    private static LabeledData clusters(int perClass, long seed, long protoSeed) {
        SplitMix64 proto = new SplitMix64(protoSeed), rng = new SplitMix64(seed);
        float[][] p = new float[3][D];
        for (float[] row : p) for (int j = 0; j < D; j++) row[j] = proto.nextFloat() < 0.4f ? 0.9f : 0.1f;
        int n = 3 * perClass;
        float[] x = new float[n * D];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < D; j++) x[i * D + j] = (float) Math.min(1, Math.max(0, p[labels[i]][j] + 0.05 * rng.nextGaussian()));
        }
        return new LabeledData(x, labels, n, D, NAMES);
    }

    private static OneClassRecipe small() {
        return OneClassRecipe.defaults().withEncoder(8, 3).withEpochs(40).withBatchSize(32).withLearningRate(5e-3f).withThreads(1);
    }

    private static final LabeledData TRAIN = clusters(150, 1, 99);
    private static final LabeledData TEST = clusters(60, 2, 99);

    @Test
    void everyBuiltInScoreSeparatesTheClusters() {
        for (ScoreKind kind : ScoreKind.values()) {
            OneClassRecipe r = small().withScore(kind).withEnsembleSize(2);
            List<String> seen = new ArrayList<>();
            OneClassResult res = new OneClassBenchmark(r).run(TRAIN, TEST, new int[] {0, 2}, new long[] {1, 2},
                    (run, done, total) -> seen.add(run.normalClass() + "/" + run.seed() + " " + done + "/" + total));
            assertEquals(List.of("0/1 1/4", "0/2 2/4", "2/1 3/4", "2/2 4/4"), seen, kind.name());
            assertEquals(4, res.runs().size());
            assertEquals(2, res.classes().size());
            assertEquals("c", res.classes().get(1).name());
            for (OneClassRun run : res.runs()) {
                assertTrue(run.auroc() > 0.95, kind + " " + run);
                assertEquals(150, run.trainRows());
            }
            OneClassSummary c0 = res.classes().get(0);
            double a = res.runs().get(0).auroc(), b = res.runs().get(1).auroc();
            assertEquals((a + b) / 2, c0.meanAuroc(), 1e-12);
            assertEquals(Math.abs(a - b) / Math.sqrt(2), c0.stdAuroc(), 1e-12); // sample std of two values
            assertEquals((c0.meanAuroc() + res.classes().get(1).meanAuroc()) / 2, res.meanAuroc(), 1e-12);
        }
    }

    @Test
    void anUntrainedAutoencoderDoesNotSeparateThemSoTheCheckAboveMeansSomething() {
        OneClassRecipe untrained = small().withEpochs(1).withLearningRate(1e-7f);
        OneClassRun r = new OneClassBenchmark(untrained).runOne(TRAIN, TEST, 0, 1);
        assertTrue(r.auroc() < 0.8, r.toString());
    }

    @Test
    void protocolWithACustomScoreIsExact() {
        // Score = number of pixels far from the normal class's training mean; test rows of the normal class score 0
        // while the others differ in several pixels, so AUROC must be exactly 1.
        ScoreMethod farPixels = new ScoreMethod() {
            @Override
            public String name() {
                return "FAR_PIXELS";
            }

            @Override
            public AnomalyScore fit(OneClassRecipe recipe, float[] x, int n, int d, long seed) {
                double[] mu = new double[d];
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mu[j] += x[i * d + j] / n;
                return (t, rows) -> {
                    float[] s = new float[rows];
                    for (int i = 0; i < rows; i++) for (int j = 0; j < d; j++) if (Math.abs(t[i * d + j] - mu[j]) > 0.4) s[i]++;
                    return s;
                };
            }
        };
        OneClassResult res = new OneClassBenchmark(small().withScore(farPixels)).run(TRAIN, TEST, new int[] {0, 1, 2}, new long[] {7}, null);
        assertEquals(1.0, res.meanAuroc());
        assertEquals(0.0, res.classes().get(0).stdAuroc());
        String json = res.toJson();
        assertTrue(json.contains("\"score\": \"FAR_PIXELS\""), json);
        assertTrue(json.contains("\"encoder\": [8, 3]"), json);
        assertTrue(json.contains("\"learningRate\": 0.005"), json);
        assertTrue(json.contains("{\"class\": 1, \"name\": \"b\", \"runs\": 1, \"meanAuroc\": 1, \"stdAuroc\": 0, \"meanAveragePrecision\": 1}"), json);
        assertTrue(json.contains("{\"class\": 2, \"seed\": 7, \"trainRows\": 150, \"auroc\": 1, \"averagePrecision\": 1, \"seconds\": "), json);
        assertEquals(count(json, '{'), count(json, '}'));
        assertEquals(count(json, '['), count(json, ']'));
        assertTrue(res.toTable().contains("b                1  1.0000 ± 0.0000   1.0000"), res.toTable());
    }

    @Test
    void scoresDependOnlyOnTheRowItselfSoTheTestSetCannotLeakIn() {
        float[] x = TRAIN.rowsWithLabel(1);
        int n = TRAIN.countLabel(1);
        for (ScoreKind kind : new ScoreKind[] {ScoreKind.ENSEMBLE, ScoreKind.RECONSTRUCTION_LATENT}) {
            AnomalyScore s = kind.fit(small().withEpochs(5).withEnsembleSize(2), x, n, D, 3);
            float[] all = s.score(TEST.x(), TEST.n());
            float[] part = s.score(java.util.Arrays.copyOfRange(TEST.x(), 10 * D, 15 * D), 5);
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 10, 15), part, kind.name());
        }
    }

    @Test
    void anEnsembleOfOneRanksLikePlainReconstruction() {
        OneClassRecipe r = small().withEpochs(10);
        OneClassRun plain = new OneClassBenchmark(r).runOne(TRAIN, TEST, 1, 5);
        OneClassRun one = new OneClassBenchmark(r.withScore(ScoreKind.ENSEMBLE).withEnsembleSize(1)).runOne(TRAIN, TEST, 1, 5);
        assertEquals(plain.auroc(), one.auroc(), 1e-6); // standardisation is monotone (up to float rounding)
    }

    @Test
    void latentWeightZeroRanksLikePlainReconstruction() {
        OneClassRecipe r = small().withEpochs(10);
        OneClassRun plain = new OneClassBenchmark(r).runOne(TRAIN, TEST, 2, 5);
        OneClassRun w0 = new OneClassBenchmark(r.withScore(ScoreKind.RECONSTRUCTION_LATENT).withLatentWeight(0)).runOne(TRAIN, TEST, 2, 5);
        assertEquals(plain.auroc(), w0.auroc(), 1e-6);
    }

    @Test
    void minMaxPreprocessingIsFittedOnTrainingRowsAndStillWorks() {
        OneClassRun r = new OneClassBenchmark(small().withPreprocessing(Preprocessing.Kind.MINMAX)).runOne(TRAIN, TEST, 0, 1);
        assertTrue(r.auroc() > 0.95, r.toString());
    }

    @Test
    void clearErrors() {
        OneClassBenchmark b = new OneClassBenchmark(small());
        assertEquals("no training rows with label 5", assertThrows(IllegalArgumentException.class, () -> b.runOne(TRAIN, TEST, 5, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().withPreprocessing(Preprocessing.Kind.ZSCORE));
        assertThrows(IllegalArgumentException.class, () -> small().withLatentWeight(1.5));
        assertThrows(IllegalArgumentException.class, () -> small().withEnsembleSize(0));
        LabeledData narrow = new LabeledData(new float[10], new int[10], 10, 1);
        assertThrows(IllegalArgumentException.class, () -> b.run(TRAIN, narrow, new int[] {0}, new long[] {1}, null));
    }

    @Test
    void recipeDefaultsAreTheNotebooksModel() {
        OneClassRecipe r = OneClassRecipe.defaults();
        assertArrayEquals(new int[] {128, 64, 32}, r.encoder());
        assertEquals(10, r.epochs());
        assertEquals(256, r.batchSize());
        assertEquals(1e-3f, r.learningRate());
        assertEquals(ScoreKind.RECONSTRUCTION, r.score());
        assertEquals(r, OneClassRecipe.defaults());
        r.encoder()[0] = 1; // a copy
        assertEquals(128, r.encoder()[0]);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
