package simdae.cli.oneclass;

/**
 * A fitted anomaly score: maps rows to one number each, higher = more anomalous. Everything it depends on was fixed
 * when it was fitted on training data, so a row's score never depends on the other rows scored with it.
 */
@FunctionalInterface
public interface AnomalyScore {

    /**
     * Scores {@code n} rows of {@code x} (row-major, already preprocessed like the training data).
     *
     * @return one score per row
     */
    float[] score(float[] x, int n);
}
