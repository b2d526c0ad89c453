package simdae.engine.kernel;

import simdae.engine.nn.Activation;

/**
 * The reference implementation: plain loops in the same summation order as the Vector kernels ({@link Math#fma}
 * over the reduction index, ascending). Always available; used when {@code jdk.incubator.vector} is not resolved.
 */
public final class ScalarKernels implements Kernels {

    /** The shared instance (stateless). */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int laneWidth() {
        return 1;
    }

    @Override
    public void denseForward(float[] x, int xOff, float[] p, int wOff, int bOff, float[] y, int yOff,
                             int r0, int r1, int in, int out, Activation act) {
        for (int r = r0; r < r1; r++) {
            int yr = yOff + r * out;
            for (int o = 0; o < out; o++) y[yr + o] = 0f;
            int xr = xOff + r * in;
            // i-k-j order: stream one weight row per input, so W is read contiguously.
            for (int i = 0; i < in; i++) {
                float a = x[xr + i];
                int w = wOff + i * out;
                for (int o = 0; o < out; o++) y[yr + o] = Math.fma(a, p[w + o], y[yr + o]);
            }
            for (int o = 0; o < out; o++) y[yr + o] = act.apply(y[yr + o] + p[bOff + o]);
        }
    }

    @Override
    public void denseBackwardInput(float[] dz, int dzOff, float[] wt, int wtOff, float[] yPrev, int yPrevOff,
                                   float[] dx, int dxOff, int r0, int r1, int in, int out, Activation prevAct) {
        for (int r = r0; r < r1; r++) {
            int xr = dxOff + r * in;
            for (int i = 0; i < in; i++) dx[xr + i] = 0f;
            int zr = dzOff + r * out;
            for (int o = 0; o < out; o++) {
                float a = dz[zr + o];
                int w = wtOff + o * in;
                for (int i = 0; i < in; i++) dx[xr + i] = Math.fma(a, wt[w + i], dx[xr + i]);
            }
            int yr = yPrevOff + r * in;
            for (int i = 0; i < in; i++) dx[xr + i] *= prevAct.derivativeFromOutput(yPrev[yr + i]);
        }
    }

    @Override
    public void weightGradient(float[] x, int xOff, float[] dz, int dzOff, float[] g, int gOff,
                               int rows, int in, int out, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            int gr = gOff + i * out;
            for (int o = 0; o < out; o++) g[gr + o] = 0f;
            for (int r = 0; r < rows; r++) {
                float a = x[xOff + r * in + i];
                int zr = dzOff + r * out;
                for (int o = 0; o < out; o++) g[gr + o] = Math.fma(a, dz[zr + o], g[gr + o]);
            }
        }
    }

    @Override
    public void biasGradient(float[] dz, int dzOff, float[] g, int gOff, int rows, int out, int o0, int o1) {
        for (int o = o0; o < o1; o++) g[gOff + o] = 0f;
        for (int r = 0; r < rows; r++) {
            int zr = dzOff + r * out;
            for (int o = o0; o < o1; o++) g[gOff + o] += dz[zr + o];
        }
    }

    @Override
    public void mseBackward(float[] y, int yOff, float[] t, int tOff, float[] dz, int dzOff, double[] rowSse,
                            int r0, int r1, int width, float scale, Activation outAct) {
        for (int r = r0; r < r1; r++) {
            float sse = 0f;
            int base = r * width;
            for (int j = 0; j < width; j++) {
                float yv = y[yOff + base + j];
                float d = yv - t[tOff + base + j];
                sse = Math.fma(d, d, sse);
                dz[dzOff + base + j] = scale * d * outAct.derivativeFromOutput(yv);
            }
            rowSse[r] = sse;
        }
    }

    @Override
    public void rowMse(float[] y, int yOff, float[] t, int tOff, float[] err, int errOff, int r0, int r1, int width) {
        for (int r = r0; r < r1; r++) {
            float sse = 0f;
            int base = r * width;
            for (int j = 0; j < width; j++) {
                float d = y[yOff + base + j] - t[tOff + base + j];
                sse = Math.fma(d, d, sse);
            }
            err[errOff + r] = sse / width;
        }
    }

    @Override
    public boolean allFinite(float[] a, int from, int to) {
        float acc = 0f;
        for (int i = from; i < to; i++) acc += a[i] * 0f; // NaN and ±Inf turn 0·x into NaN
        return acc == 0f;
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lrT, float b1, float b2, float eps) {
        float c1 = 1f - b1, c2 = 1f - b2;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= lrT * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
