package simdae.spark;

import java.io.Serializable;

/**
 * Which rows of which partition make up each global mini-batch. An epoch has {@code ceil(n / batchSize)} steps; in
 * step {@code s}, partition {@code p} (with {@code n_p} rows) contributes rows
 * {@code [floor(s·B·n_p/n), floor((s+1)·B·n_p/n))} of its shuffled order (clipped to {@code n_p}), so every batch
 * holds about {@code B} rows drawn from all partitions in proportion to their size, every row is used once per
 * epoch, and with one partition the batches are exactly the engine's.
 */
final class StepPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    final int[] counts;
    final long total;
    final int batchSize;
    final int steps;

    StepPlan(int[] counts, int batchSize) {
        this.counts = counts.clone();
        long n = 0;
        for (int c : counts) n += c;
        this.total = n;
        this.batchSize = batchSize;
        this.steps = (int) ((n + batchSize - 1) / batchSize);
    }

    /** First row of partition {@code p}'s order used by step {@code s}. */
    int from(int p, int s) {
        return (int) Math.min(counts[p], (long) s * batchSize * counts[p] / total);
    }

    /** End (exclusive) of partition {@code p}'s rows in step {@code s}. */
    int to(int p, int s) {
        return from(p, s + 1);
    }

    /** Rows of the whole mini-batch of step {@code s}. */
    int batchRows(int s) {
        int b = 0;
        for (int p = 0; p < counts.length; p++) b += to(p, s) - from(p, s);
        return b;
    }

    /** Largest share of one partition in any step (buffer size). */
    int maxShare(int p) {
        int m = 0;
        for (int s = 0; s < steps; s++) m = Math.max(m, to(p, s) - from(p, s));
        return Math.max(m, 1);
    }
}
