package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.function.Executable;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

/** Models to save, byte patching that keeps checksums valid, and assertions shared by the format tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A 6-4-3-4-6 autoencoder with non-zero biases, z-score preprocessing, a calibrated threshold and a history. */
    static TrainedModel small(long seed) {
        Network net = Network.autoencoder(6, 4, 3).initGlorot(seed);
        SplitMix64 r = new SplitMix64(seed ^ 0x5eed);
        float[] p = net.params();
        for (int l = 0; l < net.layers(); l++) {
            for (int o = 0; o < net.out(l); o++) p[net.biasOffset(l) + o] = (float) (r.nextGaussian() * 0.1);
        }
        float[] x = randomInputs(50, 6, seed);
        Preprocessing pre = Preprocessing.fitZScore(x, 50, 6);
        float[] err = new float[200];
        for (int i = 0; i < err.length; i++) err[i] = (float) (0.01 + 0.002 * r.nextGaussian());
        ErrorStats stats = ErrorStats.of(err);
        Threshold t = new Threshold(Threshold.Rule.PERCENTILE, 99, stats.p99(), stats);
        TrainingInfo info = new TrainingInfo(3, 32, 1e-3, seed, 2, "vector-8", "0.1.0-SNAPSHOT", 1_700_000_000_123L, 50,
                new double[] {0.3, 0.2, 0.1}, new double[] {0.35, Double.NaN, 0.12}, new double[] {1.5, 1.25, 1.0});
        return new TrainedModel(net, pre, t, info);
    }

    /** The notebook's 784-128-64-32-64-128-784 autoencoder, Glorot weights, ÷255 and ten epochs of history. */
    static TrainedModel notebook(long seed) {
        Network net = Network.autoencoder(784, 128, 64, 32).initGlorot(seed);
        double[] loss = new double[10], val = new double[10], sec = new double[10];
        for (int e = 0; e < 10; e++) {
            loss[e] = 0.05 / (e + 1);
            val[e] = 0.06 / (e + 1);
            sec[e] = 2.5;
        }
        TrainingInfo info = new TrainingInfo(10, 256, 1e-3, seed, 2, "vector-8", "0.1.0-SNAPSHOT", 1_700_000_000_000L, 60_000, loss, val, sec);
        return new TrainedModel(net, Preprocessing.divide(255f), Threshold.notebookDefault(), info);
    }

    static float[] randomInputs(int rows, int d, long seed) {
        SplitMix64 r = new SplitMix64(seed * 31 + 7);
        float[] x = new float[rows * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Recomputes the preamble CRC and the whole-file CRC, so a patched field reaches the checks behind them. */
    static byte[] fixCrcs(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, 0, 24);
        le(b).putInt(24, (int) c.getValue());
        long declared = le(b).getLong(16);
        if (declared > 0 && declared <= b.length) {
            CRC32C all = new CRC32C();
            all.update(b, 0, (int) declared - 4);
            le(b).putInt((int) declared - 4, (int) all.getValue());
        }
        return b;
    }

    /** Asserts {@code e} throws a ModelFormatException of exactly this kind and returns it. */
    static ModelFormatException assertKind(ModelFormatException.Kind kind, Executable e) {
        ModelFormatException x = assertThrows(ModelFormatException.class, e);
        if (x.kind() != kind) fail("expected " + kind + " but got " + x.kind() + ": " + x.getMessage(), x);
        return x;
    }

    /** Bytes allocated by this thread so far, or -1 when the JVM cannot tell. */
    static long allocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) mx;
            if (hs.isThreadAllocatedMemorySupported() && hs.isThreadAllocatedMemoryEnabled()) return hs.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** Everything but the parameters, field by field (records with arrays do not compare them by value). */
    static void assertSameHeader(TrainedModel a, TrainedModel b) {
        assertArrayEquals(a.network().dims(), b.network().dims());
        assertArrayEquals(a.network().activations(), b.network().activations());
        assertEquals(a.preprocessing(), b.preprocessing());
        assertEquals(a.threshold(), b.threshold());
        TrainingInfo x = a.training(), y = b.training();
        assertEquals(x.epochs(), y.epochs());
        assertEquals(x.batchSize(), y.batchSize());
        assertEquals(x.learningRate(), y.learningRate());
        assertEquals(x.seed(), y.seed());
        assertEquals(x.threads(), y.threads());
        assertEquals(x.kernels(), y.kernels());
        assertEquals(x.libraryVersion(), y.libraryVersion());
        assertEquals(x.createdEpochMillis(), y.createdEpochMillis());
        assertEquals(x.trainSamples(), y.trainSamples());
        assertArrayEquals(x.loss(), y.loss());
        assertArrayEquals(x.valLoss(), y.valLoss());
        assertArrayEquals(x.epochSeconds(), y.epochSeconds());
    }

    /** Bitwise equality of the flat parameter arrays (NaN payloads and signed zeros included). */
    static void assertSameBits(float[] a, float[] b) {
        assertEquals(a.length, b.length, "parameter count");
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) fail("parameter " + i + ": " + a[i] + " != " + b[i]);
        }
    }
}
