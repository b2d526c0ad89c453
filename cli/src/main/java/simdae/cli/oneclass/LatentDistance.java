package simdae.cli.oneclass;

import simdae.engine.kernel.KernelProvider;
import simdae.engine.nn.Network;

/**
 * Distance of a row's bottleneck code from the training codes: the diagonal Mahalanobis distance
 * {@code sqrt(mean_j (z_j - μ_j)² / (σ_j² + floor))}, with {@code μ, σ²} per code unit over the training rows.
 *
 * <p>The variance floor ({@code 1e-3} of the mean unit variance) exists because ReLU bottlenecks have dead units
 * with zero training variance; without it a tiny activation on a test row would dominate every other unit.
 */
public final class LatentDistance {
    private final Network net;
    private final int layers;
    private final double[] mean;
    private final double[] invVar;

    private LatentDistance(Network net, int layers, double[] mean, double[] invVar) {
        this.net = net;
        this.layers = layers;
        this.mean = mean;
        this.invVar = invVar;
    }

    /**
     * Fits the code statistics of {@code n} training rows, the code being the output of the first {@code layers}
     * layers of {@code net}.
     */
    public static LatentDistance fit(Network net, int layers, float[] x, int n) {
        float[] z = LayerActivations.forward(net, KernelProvider.get(), x, 0, n, layers);
        int w = net.out(layers - 1);
        double[] mu = new double[w], var = new double[w];
        for (int r = 0; r < n; r++) for (int j = 0; j < w; j++) mu[j] += z[r * w + j];
        for (int j = 0; j < w; j++) mu[j] /= n;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < w; j++) {
                double dz = z[r * w + j] - mu[j];
                var[j] += dz * dz;
            }
        }
        double meanVar = 0;
        for (int j = 0; j < w; j++) meanVar += (var[j] /= n) / w;
        double floor = 1e-3 * meanVar + 1e-12;
        double[] inv = new double[w];
        for (int j = 0; j < w; j++) inv[j] = 1.0 / (var[j] + floor);
        return new LatentDistance(net, layers, mu, inv);
    }

    /** Code width. */
    public int width() {
        return mean.length;
    }

    /** Distance of each of {@code n} rows. */
    public float[] distances(float[] x, int n) {
        float[] z = LayerActivations.forward(net, KernelProvider.get(), x, 0, n, layers);
        int w = mean.length;
        float[] out = new float[n];
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int j = 0; j < w; j++) {
                double dz = z[r * w + j] - mean[j];
                s += dz * dz * invVar[j];
            }
            out[r] = (float) Math.sqrt(s / w);
        }
        return out;
    }
}
