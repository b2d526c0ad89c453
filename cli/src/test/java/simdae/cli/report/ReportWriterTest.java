package simdae.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report directory: which files, their sizes, the page's references, JSON syntax, atomic replacement. */
class ReportWriterTest {

    /** Expected size of every figure for the synthetic full report (10 MNIST-shaped digits shown). */
    private static final Map<String, int[]> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("errors_histogram.png", new int[] {900, 500});
        SIZES.put("reconstructions.png", new int[] {1520, 324});
        SIZES.put("training_curves.png", new int[] {900, 500});
        SIZES.put("roc.png", new int[] {600, 600});
        SIZES.put("pr.png", new int[] {600, 600});
        SIZES.put("class_errors.png", new int[] {900, 500});
        SIZES.put("oneclass_auroc.png", new int[] {900, 500});
    }

    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]*)\"");

    static Set<String> imagesOnPage(String html) {
        Set<String> out = new TreeSet<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            assertFalse(m.group(2).isBlank(), "image " + m.group(1) + " has no alt text");
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> pngsIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void fullReportWritesEveryFigureAtItsSize(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nested/report");  // created, parents too
        List<Path> written = ReportWriter.write(new SyntheticData(600, 1).fullInput(), dir);
        List<String> names = written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        List<String> expected = new java.util.ArrayList<>(SIZES.keySet());
        expected.add("summary.json");
        expected.add("index.html");
        assertEquals(expected, names, "figures in page order, then summary.json, then index.html");
        for (Map.Entry<String, int[]> e : SIZES.entrySet()) {
            BufferedImage im = ImageIO.read(dir.resolve(e.getKey()).toFile());
            assertTrue(im != null, e.getKey() + " does not decode as an image");
            assertEquals(e.getValue()[0], im.getWidth(), e.getKey() + " width");
            assertEquals(e.getValue()[1], im.getHeight(), e.getKey() + " height");
        }
        String html = Files.readString(dir.resolve("index.html"));
        assertEquals(SIZES.keySet(), imagesOnPage(html), "the page shows exactly the figures written");
        assertEquals(SIZES.keySet(), pngsIn(dir));
        assertTrue(GraphicsEnvironment.isHeadless(), "rendering must have switched AWT to headless");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".simdae-report-")), "staging folder left behind");
        }
    }

    @Test
    void minimalReportHasOnlyTheHistogramAndNoOptionalSections(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(300, 2);
        List<Path> written = ReportWriter.write(data.minimalInput(), dir);
        assertEquals(List.of("errors_histogram.png", "summary.json", "index.html"),
                written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        String html = Files.readString(dir.resolve("index.html"));
        assertEquals(Set.of("errors_histogram.png"), imagesOnPage(html));
        for (String absent : List.of("reconstructions.png", "training_curves.png", "roc.png", "pr.png", "class_errors.png", "oneclass_auroc.png")) {
            assertFalse(html.contains(absent), "page names " + absent + ", which was not written");
        }
        for (String section : List.of("id=\"training\"", "id=\"evaluation\"", "id=\"classes\"", "id=\"oneclass\"")) {
            assertFalse(html.contains(section), "empty section " + section);
        }
        String json = Files.readString(dir.resolve("summary.json"));
        JsonChecker.check(json);
        for (String key : List.of("\"training\"", "\"evaluation\"", "\"classes\"", "\"oneClass\"")) assertFalse(json.contains(key), key);
    }

    @Test
    void pageShowsTheNumbersAsTextAndIsSelfContained(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(400, 4);
        ReportWriter.write(data.fullInput(), dir);
        String html = Files.readString(dir.resolve("index.html"));
        int above = 0;
        for (float e : data.errors) if (e > SyntheticData.THRESHOLD) above++;
        assertTrue(html.contains("<strong>" + above + "</strong> of 400 samples"), "count above threshold shown as text");
        assertTrue(html.contains("784-128-64-32-64-128-784"), "caller's summary lines shown");
        assertTrue(html.contains("AUROC</th><td>"), "metrics table");
        // Escaped, never raw: the source string holds < > & and quotes.
        assertTrue(html.contains("synthetic test data &lt;generated&gt; &amp; &quot;quoted&quot;"));
        assertFalse(html.contains("<generated>"));
        // Self-contained: no external scripts, styles, fonts or images.
        for (String external : List.of("http://", "https://", "<link", "@import", "url(", "<script src")) {
            assertFalse(html.contains(external), "external reference " + external);
        }
    }

    @Test
    void summaryJsonParsesAndEscapes(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(200, 5);
        ReportInput in = ReportInput.builder("quote \" backslash \\ newline \n tab \t bell \u0007", data.errors, 0.01)
                .put("key \"with\" quotes", "value\r\nwith CRLF").labels(data.labels, null).evaluation(data.evaluation())
                .training(new TrainingHistory(new double[] {0.1, 0.05}, new double[] {Double.NaN, 0.06}))
                .oneClass(SyntheticData.oneClass()).build();
        ReportWriter.write(in, dir);
        String json = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        JsonChecker.check(json);
        assertTrue(json.contains("\"title\": \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\""), json);
        assertTrue(json.contains("\"key \\\"with\\\" quotes\": \"value\\r\\nwith CRLF\""));
        assertTrue(json.contains("\"samples\": 200"));
        assertTrue(json.contains("\"finalValLoss\": 0.06"));
        assertTrue(json.contains("\"figures\": [\"errors_histogram.png\", \"training_curves.png\", \"roc.png\", \"pr.png\", \"class_errors.png\", \"oneclass_auroc.png\"]"), json);
    }

    @Test
    void rewritingRemovesFiguresTheNewReportLacks(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(300, 6);
        ReportWriter.write(data.fullInput(), dir);
        assertTrue(Files.exists(dir.resolve("roc.png")));
        ReportWriter.write(data.minimalInput(), dir);
        assertEquals(Set.of("errors_histogram.png"), pngsIn(dir));
        assertEquals(Set.of("errors_histogram.png"), imagesOnPage(Files.readString(dir.resolve("index.html"))));
    }

    @Test
    void existingFileAsDirectoryIsAOneLineIOException(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("report"), "not a folder");
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(new SyntheticData(50, 7).minimalInput(), file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a directory"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("not a folder", Files.readString(file), "the file is left alone");

        IOException nested = assertThrows(IOException.class, () -> ReportWriter.write(new SyntheticData(50, 7).minimalInput(), file.resolve("sub")));
        assertFalse(nested.getMessage().contains("\n"));
        assertTrue(nested.getMessage().contains("existing file"), nested.getMessage());
    }

    @Test
    void failureHalfWayLeavesThePreviousReportUntouched(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(300, 8);
        ReportWriter.write(data.minimalInput(), dir);
        Map<String, byte[]> before = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) before.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        int[] calls = {0};
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(data.fullInput(), dir, f -> {
            if (++calls[0] == 3) throw new IOException("disk full (simulated)");
            return new byte[] {1, 2, 3};
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        Map<String, byte[]> after = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) after.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        assertEquals(before.keySet(), after.keySet(), "no new, missing or staging files");
        for (String name : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(name), after.get(name)), name + " changed");
    }

    @Test
    void inputsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ReportInput.builder("x", new float[] {0.1f, Float.NaN}, 0.01));
        assertThrows(IllegalArgumentException.class, () -> ReportInput.builder("x", null, 0.01));
        assertThrows(IllegalArgumentException.class, () -> ReportInput.builder("x", new float[] {0.1f}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ImageGrid(new float[784 * 3], new float[784 * 3], 28, 28, new boolean[1], 10));
        assertThrows(IllegalArgumentException.class, () -> ReportInput.builder("x", new float[] {0.1f, 0.2f}, 0.01).labels(new int[] {1}, null).build());
    }
}
