package simdae.engine.kernel;

import simdae.engine.nn.Activation;

/**
 * The hot loops of training and inference, over flat row-major {@code float[]} buffers.
 *
 * <p>Two implementations exist: {@link ScalarKernels}, the plain-Java reference that always works, and a Vector API
 * one that is used when {@code jdk.incubator.vector} is resolved. {@link KernelProvider} picks one at start-up.
 *
 * <p>Every method works on a sub-range (rows, or weight rows) so that callers can split work across threads. Each
 * output element is always produced by one call, summed over its reduction index in ascending order, so results are
 * bitwise identical however the ranges are split. Matrices are row-major; {@code x[r][i]} is {@code x[xOff + r*in + i]}.
 */
public interface Kernels {

    /** {@code "vector"} or {@code "scalar"}. */
    String name();

    /** Floats per vector register used by the kernels (1 for scalar). */
    int laneWidth();

    /**
     * Dense forward, bias and activation fused: {@code y[r][o] = act(sum_i x[r][i]·W[i][o] + b[o])} for rows
     * {@code [r0, r1)}. {@code W} is {@code [in][out]} at {@code p[wOff]}, {@code b} at {@code p[bOff]}.
     */
    void denseForward(float[] x, int xOff, float[] p, int wOff, int bOff, float[] y, int yOff,
                      int r0, int r1, int in, int out, Activation act);

    /**
     * Input gradient with the previous layer's activation derivative fused:
     * {@code dx[r][i] = (sum_o dz[r][o]·Wt[o][i]) · f'(yPrev[r][i])} for rows {@code [r0, r1)}, where {@code Wt} is
     * the layer's weights transposed to {@code [out][in]}, and {@code f} the activation that produced {@code yPrev}
     * (use {@link Activation#LINEAR} for a plain {@code dZ·Wᵀ}).
     */
    void denseBackwardInput(float[] dz, int dzOff, float[] wt, int wtOff, float[] yPrev, int yPrevOff,
                            float[] dx, int dxOff, int r0, int r1, int in, int out, Activation prevAct);

    /**
     * Weight gradient {@code dW = Xᵀ·dZ}: {@code g[gOff + i*out + o] = sum_r x[r][i]·dz[r][o]} (overwritten, not
     * accumulated) for weight rows {@code i} in {@code [i0, i1)}, summing over all {@code rows}.
     */
    void weightGradient(float[] x, int xOff, float[] dz, int dzOff, float[] g, int gOff,
                        int rows, int in, int out, int i0, int i1);

    /** Bias gradient: {@code g[gOff + o] = sum_r dz[r][o]} (overwritten) for {@code o} in {@code [o0, o1)}. */
    void biasGradient(float[] dz, int dzOff, float[] g, int gOff, int rows, int out, int o0, int o1);

    /**
     * MSE loss with its gradient through the output activation fused: for rows {@code [r0, r1)} writes
     * {@code dz[r][j] = scale·(y[r][j] - t[r][j])·f'(y[r][j])} and {@code rowSse[r] = sum_j (y - t)²}.
     */
    void mseBackward(float[] y, int yOff, float[] t, int tOff, float[] dz, int dzOff, double[] rowSse,
                     int r0, int r1, int width, float scale, Activation outAct);

    /** Per-row mean squared error: {@code err[errOff + r] = mean_j (y[r][j] - t[r][j])²} for rows {@code [r0, r1)}. */
    void rowMse(float[] y, int yOff, float[] t, int tOff, float[] err, int errOff, int r0, int r1, int width);

    /**
     * One bias-corrected Adam step over {@code [from, to)}, Keras form: {@code m = b1·m + (1-b1)·g},
     * {@code v = b2·v + (1-b2)·g²}, {@code p -= lrT·m / (sqrt(v) + eps)} with {@code lrT = lr·sqrt(1-b2^t)/(1-b1^t)}.
     */
    void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lrT, float b1, float b2, float eps);

    /** True when every value in {@code a[from, to)} is finite (no NaN, no infinity). */
    boolean allFinite(float[] a, int from, int to);

    /** {@code dst[c][r] = src[r][c]} for source rows {@code [r0, r1)} of a {@code rows×cols} matrix. */
    default void transpose(float[] src, int srcOff, float[] dst, int dstOff, int rows, int cols, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int s = srcOff + r * cols;
            for (int c = 0; c < cols; c++) dst[dstOff + c * rows + r] = src[s + c];
        }
    }
}
