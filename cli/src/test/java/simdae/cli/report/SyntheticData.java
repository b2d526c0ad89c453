package simdae.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import simdae.cli.eval.Evaluation;
import simdae.cli.oneclass.OneClassSummary;

/** Deterministic made-up report data: errors, 28×28 "digits" and their blurred reconstructions, labels, history. */
final class SyntheticData {
    static final int ROWS = 28;
    static final int COLS = 28;
    static final double THRESHOLD = 0.01;

    final float[] errors;
    final boolean[] isAnomaly;   // ground truth
    final int[] labels;
    final float[] originals;
    final float[] reconstructions;
    final boolean[] flags;       // errors > threshold

    SyntheticData(int n, long seed) {
        Random rnd = new Random(seed);
        errors = new float[n];
        isAnomaly = new boolean[n];
        labels = new int[n];
        flags = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            isAnomaly[i] = rnd.nextDouble() < 0.1;
            // Normal errors cluster around 0.005, anomalies around 0.02; the classes overlap a little.
            double base = isAnomaly[i] ? 0.018 + 0.006 * rnd.nextGaussian() : 0.0045 + 0.0012 * labels[i] / 9.0 + 0.0018 * rnd.nextGaussian();
            errors[i] = (float) Math.max(0.0005, base);
            flags[i] = errors[i] > THRESHOLD;
        }
        int shown = Math.min(n, 12);
        originals = new float[shown * ROWS * COLS];
        reconstructions = new float[shown * ROWS * COLS];
        for (int i = 0; i < shown; i++) digit(i, rnd);
    }

    /** A stroke figure drawn with Java2D, and a box-blurred copy as its "reconstruction". */
    private void digit(int i, Random rnd) {
        BufferedImage im = new BufferedImage(COLS, ROWS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.5f));
        switch (labels[i]) {
            case 0: g.drawOval(8, 5, 12, 18); break;
            case 1: g.drawLine(14, 4, 14, 24); break;
            case 7: g.drawLine(8, 5, 20, 5); g.drawLine(20, 5, 11, 24); break;
            default: g.drawArc(7, 4, 14, 10, 0, 270); g.drawLine(9, 24, 20, 24); g.drawLine(20, 12, 9, 24);
        }
        g.dispose();
        int d = ROWS * COLS, off = i * d;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) originals[off + r * COLS + c] = im.getRaster().getSample(c, r, 0) / 255f;
        }
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                float s = 0;
                int k = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr, cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= ROWS || cc >= COLS) continue;
                        s += originals[off + rr * COLS + cc];
                        k++;
                    }
                }
                reconstructions[off + r * COLS + c] = Math.min(1f, s / k * (flags[i] ? 0.6f : 1.1f) + 0.02f * rnd.nextFloat());
            }
        }
    }

    ImageGrid grid() {
        return ImageGrid.of(originals, reconstructions, ROWS, COLS, flags);
    }

    TrainingHistory history(int epochs) {
        double[] loss = new double[epochs], val = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            loss[e] = 0.005 + 0.06 * Math.exp(-0.45 * e);
            val[e] = 0.0055 + 0.058 * Math.exp(-0.42 * e);
        }
        return new TrainingHistory(loss, val);
    }

    LabelledResults evaluation() {
        return LabelledResults.of(Evaluation.of(errors, isAnomaly), THRESHOLD);
    }

    static List<OneClassSummary> oneClass() {
        List<OneClassSummary> out = new ArrayList<>();
        double[] auroc = {0.991, 0.998, 0.874, 0.912, 0.935, 0.893, 0.972, 0.951, 0.842, 0.961};
        for (int c = 0; c < 10; c++) out.add(new OneClassSummary(c, String.valueOf(c), 3, auroc[c], 0.004 + 0.002 * (c % 4), auroc[c] - 0.2));
        return out;
    }

    static String[] digitNames() {
        String[] names = new String[10];
        for (int i = 0; i < 10; i++) names[i] = "digit " + i;
        return names;
    }

    /** The full report: every optional part present. */
    ReportInput fullInput() {
        return ReportInput.builder("simdae report: synthetic digits", errors, THRESHOLD)
                .source("synthetic test data <generated> & \"quoted\"")
                .put("Model", "784-128-64-32-64-128-784 (ReLU, sigmoid out)")
                .put("Kernels", "vector-16")
                .images(grid())
                .training(history(12))
                .labels(labels, digitNames())
                .evaluation(evaluation())
                .oneClass(oneClass())
                .build();
    }

    /** Only the required parts. */
    ReportInput minimalInput() {
        return ReportInput.builder("minimal", errors, THRESHOLD).build();
    }
}
