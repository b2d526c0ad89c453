package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import simdae.engine.detect.Threshold;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainingListener;
import simdae.engine.util.SplitMix64;

class AnomalyDetectorTest {
    static final int D = 24;
    static float[][] normal;
    static float[][] odd;

    /** Normal rows: smooth bumps in raw units 0..255; anomalies: noise. */
    @BeforeAll
    static void data() {
        SplitMix64 r = new SplitMix64(3);
        normal = new float[600][D];
        for (float[] row : normal) {
            double phase = r.nextDouble() * Math.PI, amp = 80 + 60 * r.nextDouble();
            for (int j = 0; j < D; j++) row[j] = (float) (128 + amp * Math.sin(phase + j * 0.3));
        }
        odd = new float[20][D];
        for (float[] row : odd) for (int j = 0; j < D; j++) row[j] = 255f * r.nextFloat();
    }

    static AutoencoderTrainer recipe() {
        return AutoencoderTrainer.of(D, 12, 4).epochs(60).batchSize(32).learningRate(3e-3f).divideBy(255).threads(2).seed(5);
    }

    @Test
    void trainedDetectorFlagsPlantedAnomaliesAndNotTheNormalRows() {
        AtomicInteger epochs = new AtomicInteger();
        AnomalyDetector det = recipe().percentile(99).listener(new TrainingListener() {
            @Override
            public void onEpoch(EpochResult r) {
                epochs.incrementAndGet();
            }
        }).fit(normal);
        assertEquals(60, epochs.get(), "listener sees every epoch");
        assertEquals(Threshold.Rule.PERCENTILE, det.thresholdInfo().rule());
        float[] e = det.score(normal);
        int flagged = 0;
        for (float v : e) if (v > det.threshold()) flagged++;
        assertTrue(flagged <= 8, "percentile 99 of 600 training rows flags about 6, got " + flagged);
        for (float[] row : odd) assertTrue(det.isAnomaly(row), "noise row scored " + det.score(row) + " <= " + det.threshold());
        // single, batch, flat and in-place scoring agree exactly
        float[] flat = new float[normal.length * D];
        for (int i = 0; i < normal.length; i++) System.arraycopy(normal[i], 0, flat, i * D, D);
        float[] f = det.score(flat, normal.length);
        for (int i = 0; i < normal.length; i += 37) {
            assertEquals(e[i], f[i]);
            assertEquals(e[i], det.score(normal[i]));
        }
        assertEquals(normal[0][0], flat[0], "score(flat, n) must not modify its input");
    }

    @Test
    void thresholdRulesUseTrainingErrors() {
        AnomalyDetector sigma = recipe().epochs(5).sigma(3).fit(normal);
        Threshold t = sigma.thresholdInfo();
        assertEquals(t.calibration().mean() + 3 * t.calibration().std(), t.value(), 1e-12);
        AnomalyDetector cont = recipe().epochs(5).contamination(0.05).fit(normal);
        int flagged = 0;
        for (float v : cont.score(normal)) if (v > cont.threshold()) flagged++;
        assertEquals(30, flagged, 1.0, "contamination 0.05 of 600 flags 30");
        AnomalyDetector fixed = recipe().epochs(1).fit(normal);
        assertEquals(0.01, fixed.threshold());
    }

    @Test
    void wrongWidthIsAClearError() {
        AnomalyDetector det = recipe().epochs(1).fit(normal);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> det.score(new float[20]));
        assertTrue(e.getMessage().contains("the model takes 24 features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> det.score(new float[][] {new float[D], new float[D + 1]}));
        assertFalse(det.toString().isEmpty());
    }
}
