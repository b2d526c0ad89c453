package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import simdae.engine.data.Preprocessing;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;
import simdae.engine.util.SplitMix64;

/** One loaded detector shared by 8 threads gives exactly the single-threaded scores, even while training runs. */
class ConcurrentScoringTest {

    @Test
    void eightThreadsScoreExactlyAsOne() throws Exception {
        int d = 64, n = 400;
        Network net = Network.autoencoder(d, 32, 8).initGlorot(3);
        AnomalyDetector det = AnomalyDetector.of(new TrainedModel(net, Preprocessing.divide(255), null, null));
        SplitMix64 r = new SplitMix64(4);
        float[][] rows = new float[n][d];
        for (float[] row : rows) for (int j = 0; j < d; j++) row[j] = 255 * r.nextFloat();
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) expected[i] = det.score(rows[i]);

        // Training another network in the same JVM at the same time must not disturb scoring (no shared scratch).
        Network other = Network.autoencoder(d, 16).initGlorot(1);
        float[] trainData = new float[2000 * d];
        for (int i = 0; i < trainData.length; i++) trainData[i] = r.nextFloat();
        Thread trainer = new Thread(() -> {
            try (Trainer t = new Trainer(other, TrainConfig.defaults().withEpochs(20).withBatchSize(32).withThreads(2))) {
                t.fit(trainData, 2000, null, 0, null);
            }
        });
        trainer.start();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int th = 0; th < 8; th++) {
                final int offset = th;
                results.add(pool.submit(() -> {
                    float[] got = new float[n];
                    for (int rep = 0; rep < 10; rep++) { // 8 threads × 10 × 400 = 32,000 calls, interleaved orders
                        for (int k = 0; k < n; k++) {
                            int i = (k * 7 + offset * 13 + rep) % n;
                            float s = det.score(rows[i]);
                            if (rep > 0 && Float.floatToRawIntBits(s) != Float.floatToRawIntBits(got[i])) {
                                throw new AssertionError("row " + i + " scored " + s + " then " + got[i]);
                            }
                            got[i] = s;
                        }
                    }
                    return got;
                }));
            }
            for (Future<float[]> f : results) assertArrayEquals(expected, f.get());
            // batch scoring from many threads as well
            List<Future<float[]>> batches = new ArrayList<>();
            for (int th = 0; th < 8; th++) batches.add(pool.submit(() -> det.score(rows)));
            for (Future<float[]> f : batches) assertArrayEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
        trainer.join();
        assertEquals(expected[0], det.score(rows[0]));
    }
    /**
     * Training one model while 4 threads score another, in the same JVM: the trained weights are bitwise those of
     * the same training run done alone, and every score is bitwise the score computed alone.
     */
    @Test
    void trainingWhileOtherThreadsScoreChangesNeitherResult() throws Exception {
        int d = 48, n = 256, trainRows = 1500;
        SplitMix64 r = new SplitMix64(11);
        float[] trainData = new float[trainRows * d];
        for (int i = 0; i < trainData.length; i++) trainData[i] = r.nextFloat();
        TrainConfig cfg = TrainConfig.defaults().withEpochs(6).withBatchSize(32).withSeed(5).withThreads(2);

        // Both results computed alone first.
        Network alone = Network.autoencoder(d, 24, 8).initGlorot(9);
        try (Trainer t = new Trainer(alone, cfg)) {
            t.fit(trainData, trainRows, null, 0, null);
        }
        AnomalyDetector det = AnomalyDetector.of(new TrainedModel(Network.autoencoder(d, 16, 4).initGlorot(2), null, null, null));
        float[] rows = new float[n * d];
        for (int i = 0; i < rows.length; i++) rows[i] = r.nextFloat();
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) expected[i] = Float.floatToRawIntBits(det.score(java.util.Arrays.copyOfRange(rows, i * d, (i + 1) * d)));

        // Now together.
        Network together = Network.autoencoder(d, 24, 8).initGlorot(9);
        java.util.concurrent.atomic.AtomicBoolean training = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> trained = pool.submit(() -> {
                try (Trainer t = new Trainer(together, cfg)) {
                    t.fit(trainData, trainRows, null, 0, null);
                } finally {
                    training.set(false);
                }
            });
            List<Future<Integer>> scorers = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                final int offset = th;
                scorers.add(pool.submit(() -> {
                    float[] row = new float[d];
                    int calls = 0;
                    // At least two passes; then keep going for as long as the training runs.
                    for (int pass = 0; pass < 2 || training.get(); pass++) {
                        for (int k = 0; k < n; k++) {
                            int i = (k * 5 + offset * 31 + pass) % n;
                            System.arraycopy(rows, i * d, row, 0, d);
                            int got = Float.floatToRawIntBits(det.score(row));
                            if (got != expected[i]) {
                                throw new AssertionError("row " + i + " scored " + Float.intBitsToFloat(got) + " alongside training, "
                                        + Float.intBitsToFloat(expected[i]) + " alone");
                            }
                            calls++;
                        }
                    }
                    return calls;
                }));
            }
            trained.get();
            int calls = 0;
            for (Future<Integer> f : scorers) calls += f.get();
            assertTrue(calls >= 4 * 2 * n, "scored " + calls + " times");
        } finally {
            pool.shutdown();
        }
        float[] a = alone.params(), b = together.params();
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                throw new AssertionError("parameter " + i + " trained alongside scoring is " + b[i] + ", alone " + a[i]);
            }
        }
    }
}
