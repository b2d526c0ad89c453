package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static simdae.engine.format.Fixtures.assertSameBits;
import static simdae.engine.format.Fixtures.assertSameHeader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.Threshold;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;

class ModelFileRoundTripTest {
    private static final int NOTEBOOK_PARAMS = 222_384;

    @TempDir
    Path dir;

    @Test
    void f32IsExactThroughEveryLoadPath() throws Exception {
        TrainedModel m = Fixtures.small(1);
        byte[] bytes = ModelFile.toBytes(m, DType.F32);
        Path file = dir.resolve("m.sae");
        ModelFile.save(m, file, DType.F32);
        assertArrayEquals(bytes, Files.readAllBytes(file), "save writes exactly toBytes");
        for (LoadedModel l : List.of(ModelFile.load(bytes), ModelFile.load(file), ModelFile.map(file),
                ModelFile.load(new ByteArrayInputStream(bytes)))) {
            assertSameHeader(m, l.model());
            assertSameBits(m.network().params(), l.model().network().params());
            assertEquals(DType.F32, l.dtype());
            assertEquals("1.0", l.version());
            assertEquals(bytes.length, l.fileBytes());
            assertEquals(List.of(), l.skippedKeys());
        }
        int rows = 40;
        float[] x = Fixtures.randomInputs(rows, 6, 8), ea = new float[rows], eb = new float[rows];
        Scorer.errors(m.network(), KernelProvider.get(), x, 0, rows, ea, 0);
        Scorer.errors(ModelFile.load(bytes).model().network(), KernelProvider.get(), x, 0, rows, eb, 0);
        assertArrayEquals(ea, eb, "f32 scores identically");
    }

    @Test
    void oddValuesSurviveF32Bitwise() throws Exception {
        TrainedModel m = Fixtures.small(2);
        float[] p = m.network().params();
        p[0] = -0f;
        p[1] = Float.MIN_VALUE;
        p[2] = Float.intBitsToFloat(0x7fc1_2345); // a NaN with a payload
        p[3] = Float.NEGATIVE_INFINITY;
        assertSameBits(p, ModelFile.load(ModelFile.toBytes(m, DType.F32)).model().network().params());
    }

    @Test
    void defaultsRoundTrip() throws Exception {
        Network net = Network.mlp(new int[] {3, 2}, simdae.engine.nn.Activation.TANH).initGlorot(3);
        TrainedModel m = new TrainedModel(net, null, null, null);
        TrainedModel back = ModelFile.load(ModelFile.toBytes(m, DType.F32)).model();
        assertSameHeader(m, back);
        assertNull(back.threshold().calibration());
        assertEquals(Preprocessing.none(), back.preprocessing());
        assertEquals(0, back.training().loss().length);
    }

    @Test
    void f16IsWithinHalfPrecisionAndBiasesStayExact() throws Exception {
        TrainedModel m = Fixtures.notebook(11);
        float[] p = m.network().params();
        p[5] = 1e-6f; // subnormal as a half
        p[6] = -3e-8f; // flushes to -0
        LoadedModel l = ModelFile.load(ModelFile.toBytes(m, DType.F16));
        assertEquals(DType.F16, l.dtype());
        assertSameHeader(m, l.model());
        float[] q = l.model().network().params();
        Network net = m.network();
        for (int layer = 0; layer < net.layers(); layer++) {
            int w = net.weightOffset(layer), b = net.biasOffset(layer);
            for (int i = w; i < b; i++) {
                double bound = Math.abs(p[i]) * 0x1p-11 + 0x1p-25; // half an ulp, relative; half the subnormal step
                if (Math.abs((double) q[i] - p[i]) > bound) fail("weight " + i + ": " + p[i] + " stored as " + q[i]);
            }
            for (int i = b; i < b + net.out(layer); i++) assertEquals(p[i], q[i], "bias " + i);
        }
        assertScoresClose(m, l.model(), 1e-4); // observed ~6e-6
    }

    @Test
    void int8IsWithinHalfAScalePerColumnAndBiasesStayExact() throws Exception {
        TrainedModel m = Fixtures.notebook(12);
        Network net = m.network();
        float[] p = net.params();
        for (int i = 0; i < net.in(1); i++) p[net.weightOffset(1) + i * net.out(1) + 7] = 0f; // an all-zero column
        LoadedModel l = ModelFile.load(ModelFile.toBytes(m, DType.INT8));
        assertEquals(DType.INT8, l.dtype());
        float[] q = l.model().network().params();
        for (int layer = 0; layer < net.layers(); layer++) {
            int in = net.in(layer), out = net.out(layer), w = net.weightOffset(layer);
            for (int o = 0; o < out; o++) {
                double max = 0;
                for (int i = 0; i < in; i++) max = Math.max(max, Math.abs(p[w + i * out + o]));
                double bound = max / 127 / 2 * (1 + 1e-5);
                for (int i = 0; i < in; i++) {
                    int k = w + i * out + o;
                    if (Math.abs((double) q[k] - p[k]) > bound) fail("layer " + layer + " weight [" + i + "][" + o + "]: " + p[k] + " stored as " + q[k] + ", bound " + bound);
                }
            }
            for (int o = 0; o < out; o++) assertEquals(p[net.biasOffset(layer) + o], q[net.biasOffset(layer) + o]);
        }
        for (int i = 0; i < net.in(1); i++) assertEquals(0f, q[net.weightOffset(1) + i * net.out(1) + 7]);
        assertScoresClose(m, l.model(), 1e-3); // observed ~9e-5
    }

    /** Reconstruction errors of the loaded model within {@code rel} of the original's, and not identical. */
    private static void assertScoresClose(TrainedModel a, TrainedModel b, double rel) {
        int rows = 96, d = a.network().inputSize();
        float[] x = Fixtures.randomInputs(rows, d, 5);
        float[] ea = new float[rows], eb = new float[rows];
        Scorer.errors(a.network(), KernelProvider.get(), x, 0, rows, ea, 0);
        Scorer.errors(b.network(), KernelProvider.get(), x, 0, rows, eb, 0);
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            double e = Math.abs(ea[r] - eb[r]) / ea[r];
            worst = Math.max(worst, e);
            assertTrue(e <= rel, "row " + r + ": error " + ea[r] + " became " + eb[r]);
        }
        assertTrue(worst > 0, "quantisation should change the scores at least a little");
    }

    @Test
    void notebookSizes() {
        TrainedModel m = Fixtures.notebook(42);
        assertEquals(NOTEBOOK_PARAMS, m.network().parameterCount());
        int f32 = ModelFile.toBytes(m, DType.F32).length;
        int f16 = ModelFile.toBytes(m, DType.F16).length;
        int i8 = ModelFile.toBytes(m, DType.INT8).length;
        System.out.printf("notebook model file sizes: f32 %d, f16 %d, int8 %d bytes%n", f32, f16, i8);
        assertTrue(f32 <= NOTEBOOK_PARAMS * 4 + 4096, "f32 file is " + f32 + " bytes");
        int biases = 128 + 64 + 32 + 64 + 128 + 784;
        int weights = NOTEBOOK_PARAMS - biases;
        assertTrue(f16 <= weights * 2 + biases * 4 + 4096, "f16 file is " + f16 + " bytes");
        assertTrue(i8 <= weights + biases * 8 + 4096, "int8 file is " + i8 + " bytes"); // a scale and a bias per output
    }

    @Test
    void aStreamIsReadOnlyUpToTheModelsEnd() throws Exception {
        TrainedModel a = Fixtures.small(3), b = Fixtures.small(4);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(ModelFile.toBytes(a, DType.F32));
        both.write(ModelFile.toBytes(b, DType.F16));
        ByteArrayInputStream in = new ByteArrayInputStream(both.toByteArray());
        assertSameBits(a.network().params(), ModelFile.load(in).model().network().params());
        assertEquals(DType.F16, ModelFile.load(in).dtype());
        assertEquals(-1, in.read());
    }

    @Test
    void int8RefusesNonFiniteWeightsWithoutCreatingAFile() {
        TrainedModel m = Fixtures.small(5);
        m.network().params()[0] = Float.NaN;
        Path file = dir.resolve("nan.sae");
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(m, file, DType.INT8));
        assertFalse(Files.exists(file));
    }

    @Test
    void thresholdAndTrainingFieldsAreReadBack() throws Exception {
        TrainedModel m = Fixtures.small(6).withThreshold(new Threshold(Threshold.Rule.SIGMA, 3, 0.02, null));
        TrainedModel back = ModelFile.load(ModelFile.toBytes(m, DType.F16)).model();
        assertEquals(Threshold.Rule.SIGMA, back.threshold().rule());
        assertEquals(3, back.threshold().parameter());
        assertEquals(0.02, back.threshold().value());
        assertNull(back.threshold().calibration());
        TrainingInfo t = back.training();
        assertEquals("vector-8", t.kernels());
        assertEquals(0.12, t.finalValLoss());
        assertEquals(Preprocessing.Kind.ZSCORE, back.preprocessing().kind());
    }
}
