package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
