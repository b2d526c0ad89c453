package simdae.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import simdae.engine.kernel.KernelProvider;

/**
 * The library in a JVM started WITHOUT {@code --add-modules jdk.incubator.vector}: it must load, pick the scalar
 * kernels, and score what the Vector kernels score here, within float tolerance.
 */
class ScalarFallbackTest {

    @Test
    void childJvmWithoutTheVectorModuleFallsBackAndAgrees() throws Exception {
        assertEquals("vector", KernelProvider.get().name(), "this suite runs with --add-modules jdk.incubator.vector");
        float[] here = FallbackProbe.scores();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = readAll(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(out.contains("kernels=scalar"), out);
        assertTrue(out.contains("--add-modules jdk.incubator.vector"), "the fallback log line says how to enable SIMD: " + out);
        String scoreLine = lines.stream().filter(l -> l.startsWith("scores=")).findFirst().orElseThrow();
        String[] parts = scoreLine.substring(7).split(",");
        assertEquals(here.length, parts.length);
        for (int i = 0; i < here.length; i++) {
            float there = Float.parseFloat(parts[i]);
            assertEquals(here[i], there, 1e-5f * Math.max(1f, Math.abs(here[i])) + 1e-7f, "score " + i);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }
}
