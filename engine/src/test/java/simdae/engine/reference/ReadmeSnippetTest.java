package simdae.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, exactly as printed there: compiled against the engine and run in a child JVM from
 * the repository root (with SIMD on, as the README says to run it, in a 16 MB heap: scoring with the reference
 * model loaded fits there), and its output checked against the documented score of the reference model.
 */
class ReadmeSnippetTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmeExampleCompilesRunsAndPrintsTheDocumentedScore() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("<!-- embed-example -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a ```java block after <!-- embed-example -->");
        String code = m.group(1);
        assertTrue(code.lines().count() <= 16, "the example stays short: " + code.lines().count() + " lines");
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(code);
        assertTrue(cls.find(), "the example is a public class");
        Path src = tmp.resolve(cls.group(1) + ".java");
        Files.writeString(src, code);
        String cp = System.getProperty("java.class.path");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process c = new ProcessBuilder(javac.toString(), "-d", tmp.toString(), "-cp", cp, src.toString()).redirectErrorStream(true).start();
        String compilerOutput = new String(c.getInputStream().readAllBytes());
        assertTrue(c.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, c.exitValue(), "the README example compiles: " + compilerOutput);

        float documented = Float.parseFloat(ReferenceModelTest.documented("synthetic stroke error"));
        String expected = String.format(Locale.ROOT, "error %.5f", documented);
        // On the class path, as the README runs it ...
        String out = run(List.of("--add-modules", "jdk.incubator.vector", "-cp", tmp + File.pathSeparator + cp, cls.group(1)));
        assertTrue(out.contains(expected), "output " + out + " should contain " + expected);
        assertEquals(1, out.lines().count(), out);
        // ... and with the engine as a named module on the module path, with and without SIMD.
        Path classes = Path.of("target", "classes").toAbsolutePath();
        for (String modules : new String[] {"jdk.incubator.vector,simdae.engine", "simdae.engine"}) {
            String viaModule = run(List.of("-p", classes.toString(), "--add-modules", modules, "-cp", tmp.toString(), cls.group(1)));
            assertTrue(viaModule.contains(expected), "module path (" + modules + "): " + viaModule);
        }
    }

    /** Runs a child JVM (16 MB heap) from the repository root; returns its standard output. */
    private static String run(List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(Path.of("..").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        return out;
    }
}
