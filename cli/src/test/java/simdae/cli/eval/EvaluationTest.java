package simdae.cli.eval;

import simdae.engine.detect.Threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import simdae.engine.util.SplitMix64;

class EvaluationTest {

    private static boolean[] truth(int... labels) {
        boolean[] b = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) b[i] = labels[i] == 1;
        return b;
    }

    // ---- AUROC

    @Test
    void aurocOfTheSklearnExample() {
        // sklearn's roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertEquals(0.75, Evaluation.auroc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, truth(0, 0, 1, 1)), 1e-15);
    }

    @Test
    void aurocCountsTiesAsHalf() {
        // pairs (pos, neg): (0.5, 0.5) tie -> 0.5; (0.5, 0.2) -> 1; (0.9, 0.5) -> 1; (0.9, 0.2) -> 1  => 3.5 / 4
        assertEquals(0.875, Evaluation.auroc(new float[] {0.5f, 0.5f, 0.2f, 0.9f}, truth(1, 0, 0, 1)), 1e-15);
        // tied positives: both anomalies at 0.7 over negatives 0.1, 0.7, 0.9
        // each positive: beats 0.1 (1), ties 0.7 (0.5), loses to 0.9 (0) -> 1.5; total 3 / 6
        assertEquals(0.5, Evaluation.auroc(new float[] {0.7f, 0.7f, 0.1f, 0.7f, 0.9f}, truth(1, 1, 0, 0, 0)), 1e-15);
        // tied negatives: negatives 0.3, 0.3 and positives 0.3, 0.4, 0.1 -> (0.5+0.5) + (1+1) + (0+0) = 3 of 6
        assertEquals(0.5, Evaluation.auroc(new float[] {0.3f, 0.3f, 0.3f, 0.4f, 0.1f}, truth(0, 0, 1, 1, 1)), 1e-15);
        // 2 negatives tied with 1 positive, one negative below: (0.5 + 0.5 + 1) / 3
        assertEquals(2.0 / 3, Evaluation.auroc(new float[] {1f, 1f, 1f, 0f}, truth(1, 0, 0, 0)), 1e-15);
    }

    @Test
    void aurocExtremes() {
        float[] s = {0.1f, 0.2f, 0.3f, 0.4f};
        assertEquals(1.0, Evaluation.auroc(s, truth(0, 0, 1, 1)));
        assertEquals(0.0, Evaluation.auroc(s, truth(1, 1, 0, 0)));
        float[] flat = new float[501];
        java.util.Arrays.fill(flat, 0.3f);
        boolean[] t = new boolean[501];
        for (int i = 0; i < t.length; i += 3) t[i] = true;
        assertEquals(0.5, Evaluation.auroc(flat, t)); // exactly
    }

    @Test
    void singleClassIsAClearError() {
        float[] s = new float[500];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluation.auroc(s, new boolean[500]));
        assertEquals("AUROC needs both normal and anomalous samples: got 0 anomalies of 500", e.getMessage());
        boolean[] all = new boolean[500];
        java.util.Arrays.fill(all, true);
        e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(s, all).averagePrecision());
        assertEquals("average precision needs both normal and anomalous samples: got 500 anomalies of 500", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(s, all).bestF1());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(s, all).roc());
        // metrics at a threshold are still defined
        assertEquals(500, Evaluation.of(s, all).at(-1).tp());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(new float[3], new boolean[2]));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(new float[0], new boolean[0]));
        assertEquals("score 1 is NaN", assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(new float[] {0, Float.NaN}, truth(0, 1))).getMessage());
    }

    @Test
    void aurocMatchesBruteForcePairCountOnTiedRandomData() {
        SplitMix64 rng = new SplitMix64(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rng.nextInt(300);
            int levels = 1 + rng.nextInt(12); // few levels -> many ties
            float[] s = new float[n];
            boolean[] t = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextDouble() < 0.3;
                s[i] = rng.nextInt(levels) * 0.25f + (t[i] ? 0.25f : 0f);
            }
            t[0] = true;
            t[1] = false;
            assertEquals(bruteAuroc(s, t), Evaluation.auroc(s, t), 1e-12, "trial " + trial);
        }
    }

    private static double bruteAuroc(float[] s, boolean[] t) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            if (!t[i]) continue;
            for (int j = 0; j < s.length; j++) {
                if (t[j]) continue;
                pairs++;
                if (s[i] > s[j]) wins += 1;
                else if (s[i] == s[j]) wins += 0.5;
            }
        }
        return wins / pairs;
    }

    // ---- average precision

    @Test
    void averagePrecisionHandComputed() {
        // sklearn: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        // cuts: {0.8}: R .5 P 1; {0.8, .4}: R .5 P .5; {.., .35}: R 1 P 2/3 -> .5*1 + .5*2/3
        assertEquals(0.5 + 0.5 * 2.0 / 3, Evaluation.averagePrecision(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, truth(0, 0, 1, 1)), 1e-15);
        // ties form one cut: all tied, 2 of 5 anomalous -> R 0->1 at P 0.4
        assertEquals(0.4, Evaluation.averagePrecision(new float[] {1, 1, 1, 1, 1}, truth(1, 0, 1, 0, 0)), 1e-15);
        // tie between top positive and a negative: cut {0.9, 0.9}: R .5 P .5; then 0.8 positive: R 1 P 2/3
        assertEquals(0.5 * 0.5 + 0.5 * 2.0 / 3, Evaluation.averagePrecision(new float[] {0.9f, 0.9f, 0.8f, 0.1f}, truth(1, 0, 1, 0)), 1e-15);
        assertEquals(1.0, Evaluation.averagePrecision(new float[] {0.1f, 0.2f, 0.9f}, truth(0, 0, 1)), 1e-15);
    }

    @Test
    void averagePrecisionMatchesTheDefinitionOnTiedRandomData() {
        SplitMix64 rng = new SplitMix64(5);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rng.nextInt(200);
            float[] s = new float[n];
            boolean[] t = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextDouble() < 0.4;
                s[i] = rng.nextInt(1 + rng.nextInt(15)) + (t[i] ? 1 : 0);
            }
            t[0] = true;
            t[1] = false;
            assertEquals(bruteAp(s, t), Evaluation.averagePrecision(s, t), 1e-12, "trial " + trial);
        }
    }

    /** Σ (R_k − R_{k−1})·P_k with the distinct scores as thresholds, each metric by a direct pass. */
    private static double bruteAp(float[] s, boolean[] t) {
        TreeSet<Float> distinct = new TreeSet<>();
        for (float v : s) distinct.add(v);
        double ap = 0, prevRecall = 0;
        for (float v : distinct.descendingSet()) {
            BinaryMetrics m = BinaryMetrics.at(s, t, Math.nextDown(v)); // flags every score >= v
            ap += (m.recall() - prevRecall) * m.precision();
            prevRecall = m.recall();
        }
        return ap;
    }

    // ---- metrics at a threshold

    @Test
    void metricsAtAThresholdAreStrict() {
        float[] s = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f};
        boolean[] t = truth(0, 0, 1, 1, 1);
        Evaluation ev = Evaluation.of(s, t);
        BinaryMetrics m = ev.at(0.35f); // flags 0.4, 0.8, 0.4
        assertEquals(2, m.tp());
        assertEquals(1, m.fp());
        assertEquals(1, m.tn());
        assertEquals(1, m.fn());
        assertEquals(2.0 / 3, m.precision(), 1e-15);
        assertEquals(2.0 / 3, m.recall(), 1e-15);
        assertEquals(2.0 / 3, m.f1(), 1e-15);
        assertEquals(0.6, m.accuracy(), 1e-15);
        assertEquals(0.5, m.falsePositiveRate(), 1e-15);
        assertEquals(m, BinaryMetrics.at(s, t, 0.35f));
        BinaryMetrics none = ev.at(0.8f); // the double 0.8 is below 0.8f and would flag it
        assertEquals(0, none.tp() + none.fp());
        assertEquals(0.0, none.precision()); // 0/0 -> 0
        assertEquals(0.0, none.f1());
        assertEquals(0.4, none.accuracy(), 1e-15);
    }

    @Test
    void binarySearchAgreesWithDirectCountsAtEveryValue() {
        SplitMix64 rng = new SplitMix64(9);
        int n = 400;
        float[] s = new float[n];
        boolean[] t = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(50) / 7f;
            t[i] = rng.nextDouble() < 0.2;
        }
        Evaluation ev = Evaluation.of(s, t);
        for (int i = 0; i < n; i++) {
            assertEquals(BinaryMetrics.at(s, t, s[i]), ev.at(s[i]));
            assertEquals(BinaryMetrics.at(s, t, s[i] + 0.01), ev.at(s[i] + 0.01));
        }
        assertEquals(BinaryMetrics.at(s, t, -1), ev.at(-1));
    }

    // ---- best F1 and targets

    @Test
    void bestF1HandComputed() {
        // desc: 0.9(1) 0.8(0) 0.7(1) 0.6(1) 0.2(0); P = 3
        // cut1 F1 = 2/(1+0+3)=.5; cut2 2/(5)=.4; cut3 4/6=.667; cut4 6/7=.857; cut5 6/8=.75
        float[] s = {0.2f, 0.9f, 0.6f, 0.8f, 0.7f};
        boolean[] t = truth(0, 1, 1, 0, 1);
        BinaryMetrics b = Evaluation.of(s, t).bestF1();
        assertEquals(6.0 / 7, b.f1(), 1e-15);
        assertEquals(0.2f, (float) b.threshold()); // highest score left normal
        assertEquals(b, BinaryMetrics.at(s, t, b.threshold()));
        Threshold th = b.toThreshold(null);
        assertEquals(Threshold.Rule.EVALUATED, th.rule());
        assertTrue(th.isAnomaly(0.6f));
        assertFalse(th.isAnomaly(0.2f));
    }

    @Test
    void bestF1CanFlagEverythingAndThenSitsBelowTheMinimum() {
        float[] s = {0.5f, 0.5f, 0.5f};
        boolean[] t = truth(1, 1, 0);
        BinaryMetrics b = Evaluation.of(s, t).bestF1();
        assertEquals(2, b.tp());
        assertEquals(1, b.fp());
        assertTrue(b.threshold() < 0.5);
        assertEquals(Math.nextDown(0.5f), (float) b.threshold());
        assertEquals(b, BinaryMetrics.at(s, t, b.threshold()));
    }

    @Test
    void bestF1MatchesBruteForceOverAllCutPoints() {
        SplitMix64 rng = new SplitMix64(21);
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + rng.nextInt(150);
            float[] s = new float[n];
            boolean[] t = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextDouble() < 0.3;
                s[i] = rng.nextInt(1 + rng.nextInt(30)) + (t[i] ? rng.nextInt(3) : 0);
            }
            t[0] = true;
            t[1] = false;
            // candidates: every score (flags what is above it) and one value below the minimum (flags all)
            TreeSet<Double> cands = new TreeSet<>();
            for (float v : s) cands.add((double) v);
            cands.add(cands.first() - 1);
            double bestF1 = -1, bestT = Double.NaN;
            for (double c : cands.descendingSet()) { // strict > keeps the highest threshold on ties
                double f = BinaryMetrics.at(s, t, c).f1();
                if (f > bestF1) {
                    bestF1 = f;
                    bestT = c;
                }
            }
            BinaryMetrics b = Evaluation.of(s, t).bestF1();
            assertEquals(bestF1, b.f1(), 1e-15, "trial " + trial);
            assertEquals(BinaryMetrics.at(s, t, bestT), BinaryMetrics.at(s, t, b.threshold()).withThresholdOf(bestT), "trial " + trial);
            assertEquals(b, BinaryMetrics.at(s, t, b.threshold()), "threshold reproduces the counts, trial " + trial);
        }
    }

    @Test
    void precisionAndRecallTargetsHandComputed() {
        // desc: 0.9(1) 0.8(0) 0.7(1) 0.6(1) 0.2(0); P = 3
        // precision by cut: 1, .5, .667, .75, .6; recall: 1/3, 1/3, 2/3, 1, 1
        float[] s = {0.2f, 0.9f, 0.6f, 0.8f, 0.7f};
        boolean[] t = truth(0, 1, 1, 0, 1);
        Evaluation ev = Evaluation.of(s, t);
        BinaryMetrics p70 = ev.lowestThresholdForPrecision(0.7).orElseThrow();
        assertEquals(0.2f, (float) p70.threshold()); // cut 4: precision .75
        assertEquals(3, p70.tp());
        BinaryMetrics p90 = ev.lowestThresholdForPrecision(0.9).orElseThrow();
        assertEquals(0.8f, (float) p90.threshold()); // only the top one: precision 1
        BinaryMetrics p60 = ev.lowestThresholdForPrecision(0.6).orElseThrow();
        assertEquals(5, p60.tp() + p60.fp()); // all flagged has precision exactly .6
        BinaryMetrics r50 = ev.highestThresholdForRecall(0.5).orElseThrow();
        assertEquals(0.6f, (float) r50.threshold()); // 0.9 and 0.7 -> recall 2/3 first at cut 3
        assertEquals(2, r50.tp());
        assertEquals(0.2f, (float) ev.highestThresholdForRecall(1.0).orElseThrow().threshold());
        assertEquals(0.8f, (float) ev.highestThresholdForRecall(0.3).orElseThrow().threshold());
        Optional<BinaryMetrics> none = Evaluation.of(new float[] {0.9f, 0.1f}, truth(0, 1)).lowestThresholdForPrecision(0.9);
        assertTrue(none.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ev.lowestThresholdForPrecision(0));
        assertThrows(IllegalArgumentException.class, () -> ev.highestThresholdForRecall(1.5));
    }

    @Test
    void targetsMatchBruteForce() {
        SplitMix64 rng = new SplitMix64(33);
        for (int trial = 0; trial < 30; trial++) {
            int n = 5 + rng.nextInt(100);
            float[] s = new float[n];
            boolean[] t = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextDouble() < 0.3;
                s[i] = rng.nextInt(20) + (t[i] ? rng.nextInt(5) : 0);
            }
            t[0] = true;
            t[1] = false;
            TreeSet<Double> cands = new TreeSet<>();
            for (float v : s) cands.add((double) v);
            cands.add(cands.first() - 1);
            Evaluation ev = Evaluation.of(s, t);
            for (double target : new double[] {0.3, 0.5, 0.8, 1.0}) {
                Double lowP = null, highR = null;
                for (double c : cands) {
                    BinaryMetrics m = BinaryMetrics.at(s, t, c);
                    if (lowP == null && m.tp() + m.fp() > 0 && m.precision() >= target) lowP = c;
                    if (m.recall() >= target) highR = c;
                }
                Optional<BinaryMetrics> p = ev.lowestThresholdForPrecision(target);
                assertEquals(lowP == null, p.isEmpty());
                if (lowP != null) assertEquals(BinaryMetrics.at(s, t, lowP), BinaryMetrics.at(s, t, p.get().threshold()).withThresholdOf(lowP));
                BinaryMetrics r = ev.highestThresholdForRecall(target).orElseThrow();
                assertEquals(BinaryMetrics.at(s, t, highR), BinaryMetrics.at(s, t, r.threshold()).withThresholdOf(highR));
            }
        }
    }

    // ---- curves

    @Test
    void rocCurveHandComputed() {
        Curve c = Evaluation.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, truth(0, 0, 1, 1)).roc();
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, c.x(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, c.y(), 1e-15);
        assertEquals(0.8f, (float) c.thresholds()[0]);
        assertEquals(0.1f, (float) c.thresholds()[3]);
        assertEquals(0.75, c.trapezoidArea(), 1e-15);
        Curve pr = Evaluation.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, truth(0, 0, 1, 1)).precisionRecall();
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, pr.x(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0.5, 2.0 / 3, 0.5}, pr.y(), 1e-15);
    }

    @Test
    void largeCurvesAreDownsampledKeepingEndpoints() {
        SplitMix64 rng = new SplitMix64(2);
        int n = 20_000;
        float[] s = new float[n];
        boolean[] t = new boolean[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble() < 0.1;
            s[i] = (float) (rng.nextGaussian() + (t[i] ? 1.5 : 0));
        }
        Evaluation ev = Evaluation.of(s, t);
        Curve full = ev.roc(Integer.MAX_VALUE);
        assertEquals(ev.distinctScores() + 1, full.size());
        assertEquals(ev.auroc(), full.trapezoidArea(), 1e-9); // the curve and the rank statistic agree
        Curve c = ev.roc();
        assertEquals(1000, c.size());
        assertEquals(0, c.x()[0]);
        assertEquals(1, c.x()[999]);
        assertEquals(1, c.y()[999]);
        assertEquals(ev.auroc(), c.trapezoidArea(), 1e-3);
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.x()[i] >= c.x()[i - 1] && c.y()[i] >= c.y()[i - 1] && c.thresholds()[i] < c.thresholds()[i - 1]);
        }
        Curve pr = ev.precisionRecall(500);
        assertEquals(500, pr.size());
        assertEquals(1, pr.x()[499]);
        assertEquals(0.1, pr.y()[499], 0.01);
        assertThrows(IllegalArgumentException.class, () -> ev.roc(1));
    }
}
