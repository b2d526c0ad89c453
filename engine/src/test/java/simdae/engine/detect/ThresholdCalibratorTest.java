package simdae.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import simdae.engine.util.SplitMix64;

class ThresholdCalibratorTest {

    private static float[] oneToHundred() {
        float[] e = new float[100];
        // shuffled so the calibrator cannot rely on sorted input
        for (int i = 0; i < 100; i++) e[i] = (i * 37) % 100 + 1;
        return e;
    }

    @Test
    void percentile99OfOneToHundredIsNumpysValue() {
        Threshold t = ThresholdCalibrator.percentile(oneToHundred(), 100, 99);
        // np.percentile(np.arange(1, 101), 99) == 99.01
        assertEquals(99.01, t.value(), 1e-9);
        assertSame(Threshold.Rule.PERCENTILE, t.rule());
        assertEquals(99, t.parameter());
        assertEquals(100, t.calibration().count());
        assertEquals(50.5, t.calibration().mean(), 1e-9);
        assertEquals(1, t.calibration().min());
        assertEquals(100, t.calibration().max());
    }

    @Test
    void percentileInterpolatesLinearly() {
        float[] e = {10, 0, 30, 20};
        // pos = 0.5 * 3 = 1.5 -> halfway between 10 and 20
        assertEquals(15, ThresholdCalibrator.percentile(e, 4, 50).value(), 1e-12);
        // pos = 0.9 * 3 = 2.7 -> 20 + 0.7 * 10
        assertEquals(27, ThresholdCalibrator.percentile(e, 4, 90).value(), 1e-9);
        // only the first n values count
        assertEquals(5, ThresholdCalibrator.percentile(e, 2, 50).value(), 1e-12);
    }

    @Test
    void contaminationIsTheUpperQuantileAndFlagsTheTopFraction() {
        float[] e = oneToHundred();
        Threshold c = ThresholdCalibrator.contamination(e, 100, 0.01);
        Threshold p = ThresholdCalibrator.percentile(e, 100, 99);
        assertEquals(p.value(), c.value(), 1e-12);
        assertSame(Threshold.Rule.CONTAMINATION, c.rule());
        assertEquals(0.01, c.parameter());
        assertEquals(1, flagged(c, e, 100));
        assertEquals(5, flagged(ThresholdCalibrator.contamination(e, 100, 0.05), e, 100));
        assertEquals(50, flagged(ThresholdCalibrator.contamination(e, 100, 0.5), e, 100));
    }

    @Test
    void contaminationFlagsCeilOfCTimesNMinusOneForDistinctErrors() {
        SplitMix64 rng = new SplitMix64(3);
        double[] cs = {0.001, 0.01, 0.05, 0.1, 0.25, 0.5};
        for (int n = 1; n <= 300; n += 7) {
            float[] e = new float[n];
            for (int i = 0; i < n; i++) e[i] = i + rng.nextFloat() * 0.5f; // distinct
            for (double c : cs) {
                long expected = (long) Math.ceil(c * (n - 1) - 1e-9);
                assertEquals(expected, flagged(ThresholdCalibrator.contamination(e, n, c), e, n), "n=" + n + " c=" + c);
            }
        }
    }

    @Test
    void tiesAtTheContaminationThresholdAreNormal() {
        // 10 errors, c = 0.2: pos = 0.8 * 9 = 7.2, s[7] = s[8] = 5 so the threshold is 5 and both fives are normal;
        // only the 9 is flagged (10% although 20% was asked): ties never push the count above the target.
        float[] e = {1, 1, 1, 2, 2, 3, 4, 5, 5, 9};
        Threshold t = ThresholdCalibrator.contamination(e, e.length, 0.2);
        assertEquals(5, t.value(), 1e-12);
        assertFalse(t.isAnomaly(5));
        assertEquals(1, flagged(t, e, e.length));
        // all tied: nothing is anomalous
        float[] flat = {2, 2, 2, 2};
        assertEquals(0, flagged(ThresholdCalibrator.contamination(flat, 4, 0.5), flat, 4));
    }

    @Test
    void sigmaIsMeanPlusKPopulationStd() {
        float[] e = {2, 4, 4, 4, 5, 5, 7, 9}; // mean 5, population std 2
        Threshold t = ThresholdCalibrator.sigma(e, e.length, 3);
        assertEquals(11, t.value(), 1e-9);
        assertSame(Threshold.Rule.SIGMA, t.rule());
        assertEquals(3, t.parameter());
        assertEquals(5, ThresholdCalibrator.sigma(e, e.length, 0).value(), 1e-9);
        assertEquals(8, ThresholdCalibrator.sigma(e, e.length, 1.5).value(), 1e-9);
    }

    @Test
    void fixedKeepsTheValueAndAttachesStats() {
        float[] e = oneToHundred();
        Threshold t = ThresholdCalibrator.fixed(42.5, e, 100);
        assertEquals(42.5, t.value());
        assertEquals(42.5, t.parameter());
        assertSame(Threshold.Rule.FIXED, t.rule());
        assertEquals(100, t.calibration().count());
    }

    @Test
    void calibrateDispatchesOnTheRule() {
        float[] e = oneToHundred();
        assertEquals(99.01, ThresholdCalibrator.calibrate(Threshold.Rule.PERCENTILE, 99, e, 100).value(), 1e-9);
        assertEquals(99.01, ThresholdCalibrator.calibrate(Threshold.Rule.CONTAMINATION, 0.01, e, 100).value(), 1e-9);
        assertEquals(7, ThresholdCalibrator.calibrate(Threshold.Rule.FIXED, 7, e, 100).value());
        Threshold s = ThresholdCalibrator.calibrate(Threshold.Rule.SIGMA, 2, e, 100);
        assertEquals(s.calibration().mean() + 2 * s.calibration().std(), s.value(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ThresholdCalibrator.calibrate(Threshold.Rule.EVALUATED, 0.5, e, 100));
    }

    @Test
    void parametersAreValidatedWithClearMessages() {
        float[] e = oneToHundred();
        assertMessage("percentile must be in (0, 100), got 100.0", () -> ThresholdCalibrator.percentile(e, 100, 100));
        assertMessage("percentile must be in (0, 100), got 0.0", () -> ThresholdCalibrator.percentile(e, 100, 0));
        assertMessage("percentile must be in (0, 100), got NaN", () -> ThresholdCalibrator.percentile(e, 100, Double.NaN));
        assertMessage("contamination must be in (0, 0.5], got 0.6", () -> ThresholdCalibrator.contamination(e, 100, 0.6));
        assertMessage("contamination must be in (0, 0.5], got 0.0", () -> ThresholdCalibrator.contamination(e, 100, 0));
        assertMessage("sigma k must be a finite number >= 0, got -1.0", () -> ThresholdCalibrator.sigma(e, 100, -1));
        assertMessage("sigma k must be a finite number >= 0, got Infinity", () -> ThresholdCalibrator.sigma(e, 100, Double.POSITIVE_INFINITY));
        assertMessage("need at least one training error to calibrate from, got 0", () -> ThresholdCalibrator.sigma(e, 0, 1));
        assertMessage("n = 101 but only 100 errors", () -> ThresholdCalibrator.percentile(e, 101, 50));
        float[] bad = {1, Float.NaN, 3};
        assertMessage("training error 1 is NaN", () -> ThresholdCalibrator.sigma(bad, 3, 1));
    }

    @Test
    void evaluatedThresholdRecordsItsRule() {
        Threshold t = Threshold.evaluated(0.25, 0.9, null);
        assertSame(Threshold.Rule.EVALUATED, t.rule());
        assertTrue(t.isAnomaly(0.26));
        assertFalse(t.isAnomaly(0.25));
    }

    private static long flagged(Threshold t, float[] e, int n) {
        long c = 0;
        for (int i = 0; i < n; i++) if (t.isAnomaly(e[i])) c++;
        return c;
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
