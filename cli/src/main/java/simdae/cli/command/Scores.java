package simdae.cli.command;

import java.util.Arrays;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.detect.ErrorStats;

/** A dataset's reconstruction errors under a detector, with the summary the commands print. */
final class Scores {
    final float[] errors;
    final double threshold;
    final int anomalies;
    final ErrorStats stats;

    private Scores(float[] errors, double threshold) {
        this.errors = errors;
        this.threshold = threshold;
        int a = 0;
        for (float e : errors) if (e > threshold) a++;
        this.anomalies = a;
        this.stats = ErrorStats.of(errors);
    }

    /** Scores every row of {@code d} (raw values; the model's preprocessing is applied on a copy). */
    static Scores of(AnomalyDetector det, Dataset d, double threshold) {
        requireWidth(det, d);
        float[] x = Arrays.copyOf(d.x(), d.n() * d.d());
        return new Scores(det.scoreInPlace(x, d.n()), threshold);
    }

    static void requireWidth(AnomalyDetector det, Dataset d) {
        if (d.d() != det.inputSize()) {
            throw new IllegalArgumentException(d.source() + " has " + d.d() + " features per row, but the model takes "
                    + det.inputSize() + " (it was trained on " + det.inputSize() + "-feature data)");
        }
    }

    boolean flagged(int i) {
        return errors[i] > threshold;
    }
}
