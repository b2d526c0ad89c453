package simdae.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.nn.Network;

class CheckpointResumeTest {

    private static Process child(String mode, Path dir, String... extra) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), CheckpointProbe.class.getName(), mode, dir.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(mode + ".log").toFile()).start();
    }

    @Test
    void killedDuringEpochTwoThenResumedEqualsAnUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        // The uninterrupted reference, in this JVM.
        Network ref = CheckpointProbe.network();
        try (Trainer t = new Trainer(ref, CheckpointProbe.config())) {
            t.fit(CheckpointProbe.data(), CheckpointProbe.N, null, 0, null);
        }

        Process p = child("train", dir, "slow");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Checkpoint.exists(dir) && Checkpoint.load(dir).epochsDone() == 1)) {
            assertTrue(p.isAlive(), "child exited early: " + Files.readString(dir.resolve("train.log")));
            assertTrue(System.nanoTime() < deadline, "no checkpoint after epoch 1");
            Thread.sleep(5);
        }
        Thread.sleep(150); // well inside epoch 2 (19 batches × 50 ms)
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "child must die by SIGKILL");
        assertEquals(1, Checkpoint.load(dir).epochsDone(), "the last good checkpoint survives the kill");
        assertTrue(!Files.exists(dir.resolve("final.bin")));

        Process r = child("resume", dir);
        assertTrue(r.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, r.exitValue(), Files.readString(dir.resolve("resume.log")));
        float[] resumed = new float[ref.parameterCount()];
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("final.bin"))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(resumed);
        assertArrayEquals(bits(ref.params()), bits(resumed), "resumed weights differ from the uninterrupted run");
        assertEquals(CheckpointProbe.EPOCHS, Checkpoint.load(dir).epochsDone());
        assertEquals(CheckpointProbe.EPOCHS, Checkpoint.load(dir).history().size());
    }

    @Test
    void corruptOrForeignCheckpointsAreRefused(@TempDir Path dir) throws Exception {
        Network net = CheckpointProbe.network();
        try (Trainer t = new Trainer(net, CheckpointProbe.config().withEpochs(1))) {
            t.fit(CheckpointProbe.data(), CheckpointProbe.N, null, 0, Checkpoint.everyEpoch(dir, t, null));
        }
        // another architecture
        try (Trainer other = new Trainer(Network.autoencoder(CheckpointProbe.D, 8), CheckpointProbe.config())) {
            Checkpoint.InvalidCheckpointException e = assertThrows(Checkpoint.InvalidCheckpointException.class,
                    () -> Checkpoint.load(dir).restoreInto(other));
            assertTrue(e.getMessage().contains("checkpoint is for 30-16-6-16-30"), e.getMessage());
        }
        // another seed
        try (Trainer other = new Trainer(CheckpointProbe.network(), CheckpointProbe.config().withSeed(1))) {
            assertThrows(Checkpoint.InvalidCheckpointException.class, () -> Checkpoint.load(dir).restoreInto(other));
        }
        // one flipped bit anywhere is caught by the checksum
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] good = Files.readAllBytes(f);
        for (int pos : new int[] {20, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[pos] ^= 0x10;
            Files.write(f, bad);
            Checkpoint.InvalidCheckpointException e = assertThrows(Checkpoint.InvalidCheckpointException.class, () -> Checkpoint.load(dir));
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        }
        Files.write(f, java.util.Arrays.copyOf(good, good.length / 3));
        assertThrows(Checkpoint.InvalidCheckpointException.class, () -> Checkpoint.load(dir));
        Files.write(f, "not a checkpoint at all".getBytes());
        assertThrows(Checkpoint.InvalidCheckpointException.class, () -> Checkpoint.load(dir));
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }
}
