package simdae.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

class TrainerTest {

    /** n samples of width d with a low-dimensional structure an autoencoder can learn, values in (0, 1). */
    static float[] lowRankData(int n, int d, int rank, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        float[] mix = new float[rank * d];
        for (int i = 0; i < mix.length; i++) mix[i] = (float) r.nextGaussian();
        float[] x = new float[n * d];
        for (int s = 0; s < n; s++) {
            float[] z = new float[rank];
            for (int j = 0; j < rank; j++) z[j] = (float) r.nextGaussian();
            for (int c = 0; c < d; c++) {
                float v = 0;
                for (int j = 0; j < rank; j++) v += z[j] * mix[j * d + c];
                x[s * d + c] = (float) (1 / (1 + Math.exp(-v)));
            }
        }
        return x;
    }

    static Kernels kernels(String name) {
        return name.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
    }

    @Test
    void oneAdamStepEqualsHandComputedValues() {
        // 1 -> 1 linear net, w = 0.5, b = 0, sample x = t = 1: y = 0.5, dL/dy = 2(y - t) = -1, so dW = db = -1.
        Network net = new Network(new int[] {1, 1}, new Activation[] {Activation.LINEAR});
        net.params()[0] = 0.5f;
        float[] x = {1f};
        try (Trainer t = new Trainer(net, TrainConfig.defaults().withBatchSize(1).withThreads(1), KernelProvider.scalar())) {
            double sse = t.trainBatch(x, x, new int[] {0}, 0, 1);
            assertEquals(0.25, sse, 1e-9);
        }
        // Adam step 1: m = 0.1·g = -0.1, v = 0.001·g² = 0.001, lr_t = 0.001·sqrt(1 - 0.999) / (1 - 0.9),
        // update = lr_t·m / (sqrt(v) + 1e-7) = -0.00099999684...
        double lrT = 0.001 * Math.sqrt(0.001) / 0.1;
        double update = lrT * -0.1 / (Math.sqrt(0.001) + 1e-7);
        assertEquals(0.5 - update, net.params()[0], 1e-7);
        assertEquals(-update, net.params()[1], 1e-7);
        assertEquals(0.50099999684, net.params()[0], 1e-7); // the same, written out by hand
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void weightsAreBitwiseIdenticalForAnyThreadCount(String kernels) {
        int n = 203, d = 40; // 203 = 15 full batches of 13 + a partial one of 8
        float[] all = lowRankData(n + 50, d, 3, 5);
        float[] x = java.util.Arrays.copyOf(all, n * d);
        float[] val = java.util.Arrays.copyOfRange(all, n * d, (n + 50) * d);
        int[][] bits = new int[3][];
        double[] lastLoss = new double[3];
        for (int threads = 1; threads <= 3; threads++) {
            Network net = Network.autoencoder(d, 17, 8).initGlorot(99);
            TrainConfig cfg = TrainConfig.defaults().withEpochs(3).withBatchSize(13).withSeed(3).withThreads(threads);
            try (Trainer t = new Trainer(net, cfg, kernels(kernels))) {
                List<EpochResult> h = t.fit(x, n, val, 50, TrainingListener.NONE);
                lastLoss[threads - 1] = h.get(2).valLoss();
            }
            bits[threads - 1] = new int[net.parameterCount()];
            for (int i = 0; i < bits[threads - 1].length; i++) bits[threads - 1][i] = Float.floatToRawIntBits(net.params()[i]);
        }
        assertArrayEquals(bits[0], bits[1], "1 vs 2 threads");
        assertArrayEquals(bits[0], bits[2], "1 vs 3 threads");
        assertEquals(lastLoss[0], lastLoss[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void trainingDrivesTheLossDown(String kernels) {
        int n = 1000, d = 32;
        float[] all = lowRankData(n + 200, d, 3, 1);
        float[] x = java.util.Arrays.copyOf(all, n * d);
        float[] val = java.util.Arrays.copyOfRange(all, n * d, (n + 200) * d);
        Network net = Network.autoencoder(d, 16, 4).initGlorot(1);
        TrainConfig cfg = TrainConfig.defaults().withEpochs(40).withBatchSize(32).withLearningRate(3e-3f).withThreads(2);
        try (Trainer t = new Trainer(net, cfg, kernels(kernels))) {
            double before = t.evaluate(val, val, 200);
            List<EpochResult> h = t.fit(x, n, val, 200, TrainingListener.NONE);
            double after = h.get(h.size() - 1).valLoss();
            // Per-feature variance is about 0.075 (the loss of predicting the mean); a 4-wide code must explain most of it.
            assertTrue(after < 0.025, "val loss " + after + " (started at " + before + ")");
            assertTrue(after < before / 3, "val loss fell only from " + before + " to " + after);
        }
    }

    @Test
    void sameSeedSameModelAndDifferentSeedDifferentModel() {
        int n = 100, d = 12;
        float[] x = lowRankData(n, d, 2, 8);
        float[][] results = new float[3][];
        long[] seeds = {1, 1, 2};
        for (int i = 0; i < 3; i++) {
            Network net = Network.autoencoder(d, 6).initGlorot(seeds[i]);
            try (Trainer t = new Trainer(net, TrainConfig.defaults().withEpochs(2).withBatchSize(16).withSeed(seeds[i]).withThreads(2))) {
                t.fit(x, n, null, 0, null);
            }
            results[i] = net.params().clone();
        }
        assertArrayEquals(results[0], results[1]);
        assertTrue(!java.util.Arrays.equals(results[0], results[2]));
    }

    @Test
    void explodingLearningRateStopsWithEpochAndBatch() {
        int n = 64, d = 10;
        float[] x = lowRankData(n, d, 2, 4);
        for (int i = 0; i < x.length; i++) x[i] *= 1e4f;
        // Adam moves each weight by about lr per step, so lr = 1e20 overflows a linear net's output after one step.
        Network net = new Network(new int[] {d, 8, d}, new Activation[] {Activation.LINEAR, Activation.LINEAR}).initGlorot(2);
        TrainConfig cfg = TrainConfig.defaults().withEpochs(5).withBatchSize(8).withLearningRate(1e20f).withThreads(2);
        try (Trainer t = new Trainer(net, cfg)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(x, n, null, 0, null));
            assertTrue(e.getMessage().matches("training diverged at epoch 1, batch [1-8]: .*"), e.getMessage());
            assertEquals(0, e.epoch());
            assertTrue(t.history().isEmpty(), "no epoch may be reported after divergence");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void steadyStateTrainingAllocatesNothingPerBatch(int threads) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 512, d = 64;
        float[] x = lowRankData(n, d, 3, 9);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Network net = Network.autoencoder(d, 32, 16).initGlorot(1);
        try (Trainer t = new Trainer(net, TrainConfig.defaults().withBatchSize(64).withThreads(threads))) {
            // Steady state = after C2 has compiled the kernels. On a busy machine that can take seconds, so warm up
            // in rounds until a round allocates nothing (or give up after ~40 rounds and report the last one).
            long[] ids = null;
            long perBatch = Long.MAX_VALUE;
            int batches = 500;
            for (int round = 0; round < 40 && perBatch >= 16; round++) {
                for (int i = 0; i < 1000; i++) t.trainBatch(x, x, order, (i % 8) * 64, 64);
                ids = trainingThreadIds();
                long before = sum(mx.getThreadAllocatedBytes(ids));
                for (int i = 0; i < batches; i++) t.trainBatch(x, x, order, (i % 8) * 64, 64);
                perBatch = (sum(mx.getThreadAllocatedBytes(ids)) - before) / batches;
            }
            assertTrue(perBatch < 16, "allocated " + perBatch + " bytes per batch across " + ids.length + " threads");
        }
    }

    private static long[] trainingThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th == Thread.currentThread() || th.getName().startsWith("simdae-worker"))
                .mapToLong(Thread::getId).toArray();
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s += v;
        return s;
    }
}
