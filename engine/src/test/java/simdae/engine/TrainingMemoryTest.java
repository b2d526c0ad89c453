package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training memory is bounded by the formula on {@link simdae.engine.train.Trainer}: the training set once
 * ({@code 4·n·d}), plus {@code 20·P} for parameters, gradients, Adam moments and transposed weights, plus the batch
 * buffers. For 20,000 × 784 rows, {@code 784-32-784} ({@code P} = 50,992) and batch 256 that is 62.7 MB + 0.1 MB
 * (shuffle order) + 1.0 MB + 2.5 MB ≈ 66 MB (then 0.4 MB to calibrate the threshold), so a child JVM with {@code -Xmx128m} trains in
 * place, while the copying {@code train} (another 62.7 MB) cannot: nothing else keeps a second copy of the data.
 */
class TrainingMemoryTest {
    private static final String HEAP = "-Xmx128m";

    private static Process child(String mode, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, HEAP, "-XX:+UseParallelGC", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), mode);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void twentyThousandMnistRowsTrainInPlaceIn128MbButNotWithACopy(@TempDir Path dir) throws Exception {
        Process inPlace = child("inplace", dir.resolve("inplace.log"));
        assertEquals(0, inPlace.waitFor(), Files.readString(dir.resolve("inplace.log")));
        assertTrue(Files.readString(dir.resolve("inplace.log")).contains("trained 20000x784"));

        // The same heap is too small for a second copy of the training set: the limit above is a real one.
        Process copy = child("copy", dir.resolve("copy.log"));
        assertNotEquals(0, copy.waitFor());
        String out = Files.readString(dir.resolve("copy.log"));
        assertTrue(out.contains("OutOfMemoryError"), out);
    }

    @Test
    void trainInPlaceGivesTheSameModelAsTrainAndLeavesTheScaledRows() {
        int n = 200, d = 12;
        float[] raw = new float[n * d];
        simdae.engine.util.SplitMix64 r = new simdae.engine.util.SplitMix64(3);
        for (int i = 0; i < raw.length; i++) raw[i] = 10 * r.nextFloat();
        float[] kept = raw.clone();
        float[] scaled = raw.clone();
        AutoencoderTrainer t = AutoencoderTrainer.of(d, 6).scaling(AutoencoderTrainer.Scaling.MINMAX).epochs(2).batchSize(32).threads(2);
        simdae.engine.model.TrainedModel copied = t.train(raw, n);
        simdae.engine.model.TrainedModel inPlace = t.trainInPlace(scaled, n);
        assertTrue(java.util.Arrays.equals(kept, raw), "train must leave its input unchanged");
        assertTrue(java.util.Arrays.equals(copied.network().params(), inPlace.network().params()));
        assertEquals(copied.threshold(), inPlace.threshold());
        float[] expected = kept.clone();
        copied.preprocessing().applyInPlace(expected, 0, n, d);
        assertTrue(java.util.Arrays.equals(expected, scaled), "trainInPlace leaves the preprocessed rows");
    }
}
