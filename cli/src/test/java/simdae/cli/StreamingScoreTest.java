package simdae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} streams CSV: a generated 1,000,000-row file scores in a child JVM capped at {@code -Xmx64m}
 * (the rows alone would take 32 MB as floats and far more as text) and every row is written.
 */
class StreamingScoreTest {
    static final int ROWS = 1_000_000, D = 8;

    @TempDir
    Path dir;

    @Test
    void aMillionRowCsvScoresIn64MegabytesOfHeap() throws Exception {
        Path small = TestData.csv(dir.resolve("train.csv"), 400, D, new int[0], 5);
        Path model = dir.resolve("m.sae");
        Cli t = Cli.run("train", "--data", small.toString(), "--label-col", "status", "--encoder", "4,2", "--epochs", "2", "--quiet", "--out", model.toString());
        assertEquals(0, t.code, t::toString);

        Path big = dir.resolve("big.csv");
        Random r = new Random(9);
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            for (int j = 0; j < D; j++) w.write((j > 0 ? "," : "") + "f" + j);
            w.write('\n');
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                sb.setLength(0);
                for (int j = 0; j < D; j++) sb.append(j > 0 ? "," : "").append(10 + r.nextInt(900) / 100.0);
                w.write(sb.append('\n').toString());
            }
        }
        Path out = dir.resolve("scores.csv");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "score", "--model", model.toString(), "--data", big.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);
        long lines = 0;
        String last = null;
        try (BufferedReader rd = Files.newBufferedReader(out)) {
            for (String l; (l = rd.readLine()) != null; lines++) last = l;
        }
        assertEquals(ROWS + 1, lines, "header + one row per input row");
        assertTrue(last.startsWith((ROWS - 1) + ",,"), last);
        assertTrue(log.contains("scored " + ROWS + " samples"), log);
        assertTrue(new File(out.toString()).length() > 20L * ROWS);
    }
}
