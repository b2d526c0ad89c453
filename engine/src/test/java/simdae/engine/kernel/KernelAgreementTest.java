package simdae.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import simdae.engine.nn.Activation;
import simdae.engine.util.SplitMix64;

import java.util.stream.Stream;

/** The Vector kernels agree with the scalar reference on awkward shapes, not only multiples of the lane count. */
class KernelAgreementTest {
    static Kernels vec;
    static final Kernels ref = KernelProvider.scalar();

    @BeforeAll
    static void vectorKernels() {
        vec = KernelProvider.vector(); // the suite runs with --add-modules jdk.incubator.vector
    }

    static Stream<Arguments> shapes() {
        int[] dims = {1, 3, 7, 17, 31, 127, 785};
        int[] batches = {1, 5, 256};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int bs : batches) {
            for (int i = 0; i < dims.length; i++) {
                int in = dims[i], out = dims[(i * 3 + 2) % dims.length];
                if (bs == 256 && in * out > 100_000) continue; // keep the suite fast
                b.add(Arguments.of(bs, in, out));
            }
        }
        b.add(Arguments.of(256, 784, 128));
        b.add(Arguments.of(5, 128, 784));
        b.add(Arguments.of(3, 33, 65));
        return b.build();
    }

    static float[] random(int n, long seed, float scale) {
        SplitMix64 r = new SplitMix64(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (2f * r.nextFloat() - 1f) * scale;
        return a;
    }

    static void assertClose(float[] expected, float[] actual, float tol, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i], a = actual[i];
            float err = Math.abs(e - a) / Math.max(1f, Math.abs(e));
            assertTrue(err <= tol, what + ": element " + i + " expected " + e + " got " + a);
        }
    }

    @ParameterizedTest(name = "batch {0}, {1}->{2}")
    @MethodSource("shapes")
    void forwardAgrees(int bs, int in, int out) {
        float[] x = random(bs * in, 1, 1f);
        float[] p = random(in * out + out, 2, 0.5f);
        for (Activation act : Activation.values()) {
            float[] ye = new float[bs * out], ya = new float[bs * out];
            ref.denseForward(x, 0, p, 0, in * out, ye, 0, 0, bs, in, out, act);
            vec.denseForward(x, 0, p, 0, in * out, ya, 0, 0, bs, in, out, act);
            assertClose(ye, ya, 2e-5f, "forward " + act);
        }
    }

    @ParameterizedTest(name = "batch {0}, {1}->{2}")
    @MethodSource("shapes")
    void backwardInputAgrees(int bs, int in, int out) {
        float[] dz = random(bs * out, 3, 1f);
        float[] wt = random(out * in, 4, 0.5f);
        float[] y = random(bs * in, 5, 1f);
        for (int i = 0; i < y.length; i++) y[i] = Math.abs(y[i]) * (i % 3 == 0 ? 0f : 1f); // relu-like, with zeros
        for (Activation act : Activation.values()) {
            float[] e = new float[bs * in], a = new float[bs * in];
            ref.denseBackwardInput(dz, 0, wt, 0, y, 0, e, 0, 0, bs, in, out, act);
            vec.denseBackwardInput(dz, 0, wt, 0, y, 0, a, 0, 0, bs, in, out, act);
            assertClose(e, a, 2e-5f, "backward " + act);
        }
    }

    @ParameterizedTest(name = "batch {0}, {1}->{2}")
    @MethodSource("shapes")
    void weightAndBiasGradientsAgree(int bs, int in, int out) {
        float[] x = random(bs * in, 6, 1f);
        float[] dz = random(bs * out, 7, 1f);
        float[] ge = new float[in * out + out], ga = new float[in * out + out];
        ref.weightGradient(x, 0, dz, 0, ge, 0, bs, in, out, 0, in);
        vec.weightGradient(x, 0, dz, 0, ga, 0, bs, in, out, 0, in);
        ref.biasGradient(dz, 0, ge, in * out, bs, out, 0, out);
        vec.biasGradient(dz, 0, ga, in * out, bs, out, 0, out);
        assertClose(ge, ga, 1e-4f, "dW/db");
    }

    @Test
    void lossAdamAndChecksAgree() {
        int rows = 5, width = 785;
        float[] y = random(rows * width, 8, 1f), t = random(rows * width, 9, 1f);
        for (int i = 0; i < y.length; i++) y[i] = 0.5f + 0.49f * y[i];
        float[] de = new float[y.length], da = new float[y.length];
        double[] se = new double[rows], sa = new double[rows];
        ref.mseBackward(y, 0, t, 0, de, 0, se, 0, rows, width, 0.01f, Activation.SIGMOID);
        vec.mseBackward(y, 0, t, 0, da, 0, sa, 0, rows, width, 0.01f, Activation.SIGMOID);
        assertClose(de, da, 1e-6f, "mse gradient");
        for (int r = 0; r < rows; r++) assertEquals(se[r], sa[r], 1e-3 * se[r]);
        float[] ee = new float[rows], ea = new float[rows];
        ref.rowMse(y, 0, t, 0, ee, 0, 0, rows, width);
        vec.rowMse(y, 0, t, 0, ea, 0, 0, rows, width);
        assertClose(ee, ea, 1e-5f, "row mse");

        int n = 1003;
        float[] p1 = random(n, 10, 1f), g = random(n, 11, 1f), m1 = random(n, 12, 0.1f), v1 = random(n, 13, 0.1f);
        for (int i = 0; i < n; i++) v1[i] = Math.abs(v1[i]);
        float[] p2 = p1.clone(), m2 = m1.clone(), v2 = v1.clone();
        ref.adam(p1, g, m1, v1, 0, n, 0.001f, 0.9f, 0.999f, 1e-7f);
        vec.adam(p2, g, m2, v2, 0, n, 0.001f, 0.9f, 0.999f, 1e-7f);
        assertClose(p1, p2, 0f, "adam params (same operation order, so exact)");
        assertClose(m1, m2, 0f, "adam m");
        assertClose(v1, v2, 0f, "adam v");

        for (Kernels k : new Kernels[] {ref, vec}) {
            float[] a = random(100, 14, 1f);
            assertTrue(k.allFinite(a, 0, 100), k.name());
            a[97] = Float.NaN;
            assertTrue(!k.allFinite(a, 0, 100), k.name() + " NaN");
            assertTrue(k.allFinite(a, 0, 97), k.name() + " range");
            a[97] = Float.NEGATIVE_INFINITY;
            assertTrue(!k.allFinite(a, 0, 100), k.name() + " -Inf");
            a[3] = Float.POSITIVE_INFINITY;
            assertTrue(!k.allFinite(a, 0, 5), k.name() + " +Inf in vector body");
        }
    }

    @Test
    void subRangesComputeTheSameBitsAsTheWhole() {
        // Row and weight-row splits are how threads share work; each piece must equal the whole, bit for bit.
        int bs = 37, in = 45, out = 70;
        float[] x = random(bs * in, 20, 1f), p = random(in * out + out, 21, 0.3f), dz = random(bs * out, 22, 1f);
        for (Kernels k : new Kernels[] {ref, vec}) {
            float[] whole = new float[bs * out], parts = new float[bs * out];
            k.denseForward(x, 0, p, 0, in * out, whole, 0, 0, bs, in, out, Activation.SIGMOID);
            k.denseForward(x, 0, p, 0, in * out, parts, 0, 0, 9, in, out, Activation.SIGMOID);
            k.denseForward(x, 0, p, 0, in * out, parts, 0, 9, 10, in, out, Activation.SIGMOID);
            k.denseForward(x, 0, p, 0, in * out, parts, 0, 10, bs, in, out, Activation.SIGMOID);
            assertClose(whole, parts, 0f, k.name() + " forward split");
            float[] gw = new float[in * out], gp = new float[in * out];
            k.weightGradient(x, 0, dz, 0, gw, 0, bs, in, out, 0, in);
            k.weightGradient(x, 0, dz, 0, gp, 0, bs, in, out, 0, 13);
            k.weightGradient(x, 0, dz, 0, gp, 0, bs, in, out, 13, in);
            assertClose(gw, gp, 0f, k.name() + " dW split");
        }
    }
    @Test
    void skippingZeroInputsGivesTheSameBitsAsTheFullChain() {
        // Image-like A: mostly exact zeros, one 4-row block all zero, a dense first block (the kernel then stops
        // looking for zeros in that call) and a sparse first block (it keeps looking). The Vector kernels leave the
        // zero steps out; the scalar reference multiplies them. Same chain order, so the same bits, even for -0.
        // 66 rows: sixteen 4-row blocks, then two single rows (the batch-1 path), split 0..65 and 65..66 as well.
        int bs = 66, in = 784, out = 160;
        float[] p = random(in * out + out, 30, 0.3f), dz = random(bs * out, 31, 1f);
        for (boolean denseFirst : new boolean[] {false, true}) {
            float[] x = random(bs * in, 32, 1f);
            SplitMix64 coin = new SplitMix64(33);
            for (int i = 0; i < x.length; i++) {
                int r = i / in, col = i % in;
                boolean blank = (r >= 8 && r < 12) || col % 28 < 6 || coin.nextFloat() < 0.6f;
                if (blank && !(denseFirst && r < 4)) x[i] = 0f;
            }
            x[in * 20 + 300] = -0f;
            for (Activation act : new Activation[] {Activation.LINEAR, Activation.RELU}) {
                float[] ye = new float[bs * out], ya = new float[bs * out];
                ref.denseForward(x, 0, p, 0, in * out, ye, 0, 0, bs, in, out, act);
                vec.denseForward(x, 0, p, 0, in * out, ya, 0, 0, bs, in, out, act);
                assertSameBits(ye, ya, "forward " + act + (denseFirst ? " dense first block" : ""));
                float[] one = new float[bs * out];
                vec.denseForward(x, 0, p, 0, in * out, one, 0, 0, bs - 1, in, out, act);
                vec.denseForward(x, 0, p, 0, in * out, one, 0, bs - 1, bs, in, out, act);
                assertSameBits(ye, one, "forward, last row alone " + act);
            }
            float[] ge = new float[in * out], ga = new float[in * out];
            ref.weightGradient(x, 0, dz, 0, ge, 0, bs, in, out, 0, in);
            vec.weightGradient(x, 0, dz, 0, ga, 0, bs, in, out, 0, in);
            assertSameBits(ge, ga, "dW" + (denseFirst ? " dense first block" : ""));
        }
    }

    static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what + ": element " + i + " expected " + expected[i] + " got " + actual[i]);
            }
        }
    }
}
