package simdae.spark;

import java.util.Arrays;
import java.util.List;
import simdae.engine.data.Preprocessing;

/**
 * Fits the input transform over all partitions, giving the same transform as the engine's single-JVM fit:
 * min-max is exact in any order; z-score combines each partition's Welford statistics in partition order (Chan et
 * al.), which for one partition is exactly the engine's {@link Preprocessing#fitZScore}.
 */
final class ScalingFit {
    private ScalingFit() {
    }

    static Preprocessing fit(String scaling, double divisor, TrainingBlocks data) {
        int d = data.inputSize;
        switch (scaling) {
            case "none":
                return Preprocessing.none();
            case "divide":
                return Preprocessing.divide((float) divisor);
            case "minmax":
                return minMax(data, d);
            case "zscore":
                return zScore(data, d);
            default:
                throw new IllegalArgumentException("unknown scaling '" + scaling + "'");
        }
    }

    private static Preprocessing minMax(TrainingBlocks data, int d) {
        List<float[]> parts = data.rdd.map(b -> {
            float[] lohi = new float[2 * d];
            Arrays.fill(lohi, 0, d, Float.POSITIVE_INFINITY);
            Arrays.fill(lohi, d, 2 * d, Float.NEGATIVE_INFINITY);
            for (int r = 0, n = b.length / d; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    float v = b[r * d + j];
                    if (v < lohi[j]) lohi[j] = v;
                    if (v > lohi[d + j]) lohi[d + j] = v;
                }
            }
            return lohi;
        }).collect();
        float[] lo = new float[d], sc = new float[d];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        float[] hi = new float[d];
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (float[] p : parts) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], p[j]);
                hi[j] = Math.max(hi[j], p[d + j]);
            }
        }
        for (int j = 0; j < d; j++) {
            float range = hi[j] - lo[j];
            sc[j] = range > 0f ? 1f / range : 0f;
        }
        return new Preprocessing(Preprocessing.Kind.MINMAX, lo, sc);
    }

    private static Preprocessing zScore(TrainingBlocks data, int d) {
        // Per partition: count, then d means, then d sums of squared deviations.
        List<double[]> parts = data.rdd.map(b -> {
            double[] s = new double[1 + 2 * d];
            int n = b.length / d;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    double v = b[r * d + j];
                    double delta = v - s[1 + j];
                    s[1 + j] += delta / (r + 1);
                    s[1 + d + j] += delta * (v - s[1 + j]);
                }
            }
            s[0] = n;
            return s;
        }).collect();
        double n = 0;
        double[] mean = new double[d], m2 = new double[d];
        for (double[] p : parts) {
            double nb = p[0];
            if (nb == 0) continue;
            double total = n + nb;
            for (int j = 0; j < d; j++) {
                if (n == 0) {
                    mean[j] = p[1 + j];
                    m2[j] = p[1 + d + j];
                } else {
                    double delta = p[1 + j] - mean[j];
                    mean[j] += delta * nb / total;
                    m2[j] += p[1 + d + j] + delta * delta * n * nb / total;
                }
            }
            n = total;
        }
        float[] off = new float[d], sc = new float[d];
        for (int j = 0; j < d; j++) {
            off[j] = (float) mean[j];
            double sd = n > 0 ? Math.sqrt(m2[j] / n) : 0;
            sc[j] = sd > 0 ? (float) (1.0 / sd) : 0f;
        }
        return new Preprocessing(Preprocessing.Kind.ZSCORE, off, sc);
    }
}
