package simdae.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

/**
 * A NaN or infinity in the loss or the weights stops training at the batch where it appears, with a message naming
 * that epoch and batch, and the last good checkpoint on disk is left exactly as it was.
 */
class DivergenceGuardTest {
    static final int N = 96, D = 16, BATCH = 8;

    /** Unscaled 8-bit values (0..255): what a user forgets to divide by 255. */
    static float[] pixels(long seed) {
        SplitMix64 r = new SplitMix64(seed);
        float[] x = new float[N * D];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.floor(256 * r.nextFloat());
        return x;
    }

    /**
     * {@code 16-8-4-8-16}, ReLU hidden layers and a linear output. (With the default sigmoid output an exploding
     * learning rate saturates instead: the output stays in (0, 1), the loss stays finite and the ReLUs die, so
     * nothing non-finite ever appears for the guard to catch.)
     */
    static Network linearOutput() {
        return Network.mlp(new int[] {D, 8, 4, 8, D}, Activation.RELU, Activation.RELU, Activation.RELU, Activation.LINEAR);
    }

    /** Records the (epoch, batch) of every completed batch and every completed epoch. */
    static final class Recorder implements TrainingListener {
        final List<String> batches = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();

        @Override
        public void onBatch(int epoch, int batch, int batchCount, int samplesDone, double runningLoss) {
            batches.add(epoch + ":" + batch);
        }

        @Override
        public void onEpoch(EpochResult r) {
            epochs.add(r.epoch());
        }
    }

    @Test
    void aNanInTheDataStopsTrainingAtItsBatchAndNamesIt() {
        float[] x = TrainerTest.lowRankData(N, D, 3, 5);
        int row = 43; // batch 5 (rows 40..47) of the first epoch, without shuffling
        x[row * D + 7] = Float.NaN;
        Recorder rec = new Recorder();
        TrainConfig cfg = TrainConfig.defaults().withEpochs(3).withBatchSize(BATCH).withShuffle(false).withThreads(2);
        try (Trainer t = new Trainer(Network.autoencoder(D, 8, 4).initGlorot(1), cfg)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(x, N, null, 0, rec));
            assertEquals(0, e.epoch());
            assertEquals(5, e.batch());
            assertEquals("training diverged at epoch 1, batch 6: loss is NaN", e.getMessage().substring(0, e.getMessage().indexOf(" (")));
            assertEquals(List.of("0:0", "0:1", "0:2", "0:3", "0:4"), rec.batches, "no batch after the bad one may run");
            assertTrue(rec.epochs.isEmpty());
            assertEquals(0, t.epochsDone());
        }
    }

    @Test
    void anExplodingLearningRateStopsTrainingAndLeavesTheLastCheckpointAsItWas(@TempDir Path dir) throws Exception {
        float[] x = pixels(7);
        // One good epoch at the default learning rate, checkpointed.
        TrainConfig good = TrainConfig.defaults().withEpochs(1).withBatchSize(BATCH).withSeed(3).withThreads(2);
        try (Trainer t = new Trainer(linearOutput().initGlorot(3), good)) {
            t.fit(x, N, null, 0, Checkpoint.everyEpoch(dir, t, null));
        }
        Path file = dir.resolve(Checkpoint.FILE);
        byte[] before = Files.readAllBytes(file);
        assertEquals(1, Checkpoint.load(dir).epochsDone());

        // Resume the same run with lr 1e6 on the unscaled data: Adam moves every weight by ~1e6 per step, the
        // outputs and the loss overflow float32 within a few batches, and the guard must stop it there.
        TrainConfig wild = good.withEpochs(4).withLearningRate(1e6f);
        Recorder rec = new Recorder();
        Network net = linearOutput();
        try (Trainer t = new Trainer(net, wild)) {
            Checkpoint.load(dir).restoreInto(t);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> t.fit(x, N, null, 0, Checkpoint.everyEpoch(dir, t, rec)));
            assertEquals(1, e.epoch(), e.getMessage());
            assertTrue(e.getMessage().startsWith("training diverged at epoch 2, batch " + (e.batch() + 1) + ": "), e.getMessage());
            // Training stopped at the reported batch: every batch before it in that epoch ran, none after it.
            List<String> expected = new ArrayList<>();
            for (int b = 0; b < e.batch(); b++) expected.add("1:" + b);
            assertEquals(expected, rec.batches);
            assertTrue(rec.epochs.isEmpty(), "no epoch may complete (and be checkpointed) after divergence");
            assertEquals(1, t.epochsDone());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the last good checkpoint changed");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(Checkpoint.FILE), files.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    "no temporary or partial checkpoint may be left behind");
        }
        assertEquals(1, Checkpoint.load(dir).epochsDone());
    }
}
