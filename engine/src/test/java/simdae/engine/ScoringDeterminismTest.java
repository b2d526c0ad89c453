package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row scores to the same bits whether the scoring code is interpreted or compiled: on JDK 25 the lanes of
 * {@code reduceLanes(ADD)} were summed in another order once C2 had compiled it (30 of 50 rows differed in the last
 * bits), which also broke {@link ConcurrentScoringTest} whenever it started cold. Checked in a fresh child JVM so the
 * first scores really are interpreted; {@code -Xbatch} makes the compilation happen before the second ones.
 */
class ScoringDeterminismTest {
    @Test
    void interpretedAndCompiledScoresAreBitwiseEqual(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("probe.log");
        Process p = new ProcessBuilder(List.of(java, "-Xbatch", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), TierProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(log));
        String out = Files.readString(log);
        assertTrue(out.contains("differing 0 of 50"), out);
    }
}
