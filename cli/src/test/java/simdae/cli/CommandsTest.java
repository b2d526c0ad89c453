package simdae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.AnomalyDetector;
import simdae.engine.format.ModelFile;
import simdae.engine.model.TrainedModel;

/** The commands end to end on tiny generated data: train → score → detect → eval → info, and their failures. */
class CommandsTest {
    static final int[] PLANTED = {7, 50, 123, 250};

    @TempDir
    static Path dir;
    static Path csv;
    static Path model;

    @BeforeAll
    static void trainOnce() throws Exception {
        csv = TestData.csv(dir.resolve("sensors.csv"), 300, 12, PLANTED, 1);
        model = dir.resolve("models/sensors.sae");
        Cli r = Cli.run("train", "--data", csv.toString(), "--label-col", "status", "--encoder", "8,3", "--epochs", "60",
                "--batch", "32", "--lr", "0.01", "--threads", "2", "--contamination", "0.02", "--out", model.toString());
        assertEquals(0, r.code, r::toString);
        assertTrue(Files.size(model) > 0);
        assertTrue(r.out.contains("Epoch 60/60"), r::toString);
        assertTrue(r.out.contains("contamination 0.02"), r::toString);
    }

    @Test
    void scoreWritesOneRowPerSampleAndFlagsThePlantedAnomalies() throws Exception {
        Path scores = dir.resolve("scores.csv");
        Cli r = Cli.run("score", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status", "--out", scores.toString());
        assertEquals(0, r.code, r::toString);
        List<String> lines = Files.readAllLines(scores);
        assertEquals("index,label,error,anomaly", lines.get(0));
        assertEquals(301, lines.size());
        for (int a : PLANTED) {
            String[] row = lines.get(a + 1).split(",");
            assertEquals(Integer.toString(a), row[0]);
            assertEquals("attack", row[1]);
            assertEquals("true", row[3], "planted anomaly " + a + " not flagged: " + lines.get(a + 1));
        }
        // the CLI's errors are the library's errors for the same rows
        AnomalyDetector det = AnomalyDetector.load(model);
        float[] row7 = new float[12];
        String[] cells = Files.readAllLines(csv).get(8).split(",");
        for (int j = 0; j < 12; j++) row7[j] = Float.parseFloat(cells[j]);
        assertEquals(det.score(row7), Float.parseFloat(lines.get(8).split(",")[2]), 1e-6 * Math.max(1, det.score(row7)));
    }

    @Test
    void scoreAsJsonToStdout() {
        Cli r = Cli.run("score", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status", "--format", "json");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.startsWith("[\n{\"index\":0,\"label\":\"normal\",\"error\":"), r.out.substring(0, 80));
        assertEquals(300, r.out.split("\"index\":", -1).length - 1);
        assertTrue(r.out.trim().endsWith("]"));
    }

    @Test
    void detectSummarisesAndListsFlaggedIndices() {
        Cli r = Cli.run("detect", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.contains("300 samples"), r.out);
        List<String> flagged = Arrays.asList(r.out.substring(r.out.indexOf("flagged:") + 8).trim().split("\\s+"));
        for (int a : PLANTED) assertTrue(flagged.contains(Integer.toString(a)), "missing " + a + " in " + flagged);
        Cli none = Cli.run("detect", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status", "--threshold", "1e9", "--format", "json");
        assertEquals(0, none.code, none::toString);
        assertTrue(none.out.contains("\"anomalies\": 0") && none.out.contains("\"flagged\": []"), none.out);
    }

    @Test
    void evalReportsAurocAndWritesTheBestF1Threshold() throws Exception {
        Path copy = dir.resolve("eval-copy.sae");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status", "--anomaly-label", "attack",
                "--set-threshold", "best-f1", "--out", copy.toString());
        assertEquals(0, r.code, r::toString);
        double auroc = Double.parseDouble(r.out.replaceAll("(?s).*AUROC ([0-9.]+).*", "$1"));
        assertTrue(auroc > 0.95, r.out);
        TrainedModel m = ModelFile.load(copy).model();
        assertEquals("EVALUATED", m.threshold().rule().name());
        assertTrue(r.out.contains(String.format(java.util.Locale.ROOT, "threshold %.6g written", m.threshold().value())), r.out);
        Cli bad = Cli.run("eval", "--model", model.toString(), "--data", csv.toString(), "--label-col", "status", "--anomaly-label", "nope");
        assertEquals(1, bad.code);
        assertTrue(bad.err.contains("no class named 'nope'"), bad.err);
    }

    @Test
    void infoShowsTheMachineAndAKerasLikeSummary() {
        Cli r = Cli.run("info", "--model", model.toString());
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.contains("kernels:"), r.out);
        assertTrue(r.out.contains("Total params: " + String.format("%,d", 12 * 8 + 8 + 8 * 3 + 3 + 3 * 8 + 8 + 8 * 12 + 12)), r.out);
        assertTrue(r.out.contains("minmax") || r.out.toLowerCase().contains("min-max") || r.out.toLowerCase().contains("min_max"), r.out);
        assertTrue(r.out.contains("epoch  loss"), r.out);
    }

    @Test
    void imagesTrainWithTheirPairedLabelsAndScaleBy255() throws Exception {
        Path images = TestData.idx(dir, "digits", 120, 3);
        Path m = dir.resolve("digits.sae");
        Cli r = Cli.run("train", "--data", images.toString(), "--encoder", "16,4", "--epochs", "3", "--batch", "16", "--out", m.toString(), "--quiet");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.isEmpty(), r.out);
        assertTrue(ModelFile.load(m).model().preprocessing().toString().equals("divide by 255"), ModelFile.load(m).model().preprocessing().toString());
        Cli s = Cli.run("score", "--model", m.toString(), "--data", images.toString());
        assertEquals(0, s.code, s::toString);
        assertTrue(s.out.split("\n")[1].matches("0,0,[0-9.e+-]+,(true|false)"), s.out.split("\n")[1]);
    }

    @Test
    void reportWritesTheFiguresAndAPageThatNamesThem() throws Exception {
        Path images = TestData.idx(dir, "report-digits", 60, 4);
        Path m = dir.resolve("report-digits.sae");
        assertEquals(0, Cli.run("train", "--data", images.toString(), "--encoder", "16,4", "--epochs", "2", "--batch", "16", "--percentile", "90",
                "--out", m.toString(), "--quiet").code);
        Path out = dir.resolve("report");
        Cli r = Cli.run("report", "--model", m.toString(), "--data", images.toString(), "--normal-class", "0", "--images", "6", "--out", out.toString());
        assertEquals(0, r.code, r::toString);
        String html = Files.readString(out.resolve("index.html"));
        for (String f : new String[] {"errors_histogram.png", "reconstructions.png", "training_curves.png", "roc.png", "pr.png", "class_errors.png"}) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve(f).toFile());
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, f);
            assertTrue(html.contains("src=\"" + f + "\""), "index.html shows " + f);
        }
        java.awt.image.BufferedImage grid = javax.imageio.ImageIO.read(out.resolve("reconstructions.png").toFile());
        assertEquals(20 + 6 * Math.max(8 * 14 + 16, 150), grid.getWidth(), "six 8x8 digits shown");
        assertTrue(html.contains("percentile 90"), "threshold rule on the page");
        assertTrue(html.contains("threshold calibration"), "training-error statistics on the page");
        assertFalse(html.contains("oneclass_auroc.png"));
    }

    @Test
    void oneClassBenchmarkPrintsTheTableAndWritesItsBarChart() throws Exception {
        Path train = TestData.idx(dir, "oc-train", 80, 6), test = TestData.idx(dir, "oc-test", 40, 7);
        Path out = dir.resolve("oc.json"), report = dir.resolve("oc-report");
        Cli r = Cli.run("oneclass", "--data", train.toString(), "--test", test.toString(), "--seeds", "2", "--recipe", "plain",
                "--epochs", "3", "--out", out.toString(), "--report", report.toString(), "--quiet");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.contains("AUROC mean ± std") && r.out.lines().anyMatch(l -> l.startsWith("mean")), r.out);
        assertTrue(Files.readString(out).contains("\"meanAuroc\""));
        assertTrue(javax.imageio.ImageIO.read(report.resolve("oneclass_auroc.png").toFile()) != null);
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("oneclass_auroc.png") && !html.contains("errors_histogram.png"), html);
    }

    @Test
    void trainResumedFromACheckpointEqualsAnUninterruptedRun() throws Exception {
        Path ckpt = dir.resolve("ckpt"), straight = dir.resolve("straight.sae"), resumed = dir.resolve("resumed.sae");
        String[] common = {"train", "--data", csv.toString(), "--label-col", "status", "--encoder", "8,3", "--batch", "32", "--threads", "2", "--quiet"};
        Cli s = Cli.run(concat(common, "--epochs", "6", "--out", straight.toString()));
        assertEquals(0, s.code, s::toString);
        assertEquals(0, Cli.run(concat(common, "--epochs", "3", "--checkpoint-dir", ckpt.toString(), "--out", dir.resolve("half.sae").toString())).code);
        Cli r = Cli.run(concat(common, "--epochs", "6", "--resume", ckpt.toString(), "--out", resumed.toString()));
        assertEquals(0, r.code, r::toString);
        assertArrayEquals(ModelFile.load(straight).model().network().params(), ModelFile.load(resumed).model().network().params());
        Cli other = Cli.run(concat(common, "--encoder", "8,4", "--epochs", "6", "--resume", ckpt.toString(), "--out", dir.resolve("x.sae").toString()));
        assertEquals(1, other.code, other::toString);
        assertTrue(other.err.contains("checkpoint is for"), other.err);
        assertFalse(Files.exists(dir.resolve("x.sae")), "a refused run writes no model");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void aModelRefusesDataOfAnotherWidth() throws Exception {
        Path narrow = TestData.csv(dir.resolve("narrow.csv"), 20, 5, new int[0], 2);
        Cli r = Cli.run("score", "--model", model.toString(), "--data", narrow.toString(), "--label-col", "status");
        assertEquals(1, r.code, r::toString);
        assertTrue(r.err.contains("5 features per row, but the model takes 12"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }

    @Test
    void usageErrorsExitWith2() {
        for (String[] args : List.of(new String[] {"train"}, new String[] {"score", "--model"}, new String[] {"nosuchcommand"},
                new String[] {"train", "--data", "x.csv", "--threshold", "0.1", "--percentile", "99"}, new String[] {"train", "--data", "x.csv", "--epochs", "0"})) {
            Cli r = Cli.run(args);
            assertEquals(2, r.code, () -> Arrays.toString(args) + "\n" + r);
            assertTrue(r.err.contains("--help"), r::toString);
        }
    }

    @Test
    void aBadModelFileFailsWithOneLineAndExit1() throws Exception {
        Path junk = dir.resolve("junk.sae");
        Files.write(junk, "this is not a model".getBytes());
        Cli r = Cli.run("score", "--model", junk.toString(), "--data", csv.toString());
        assertEquals(1, r.code, r::toString);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("simdae: ") && r.err.contains("junk.sae"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
        Cli verbose = Cli.run("score", "--model", junk.toString(), "--data", csv.toString(), "--verbose");
        assertTrue(verbose.err.contains("\tat "), "stack trace with --verbose: " + verbose.err);
    }

    @Test
    void aFailedScoreLeavesNoPartialOutputFile() throws Exception {
        Path narrow = TestData.csv(dir.resolve("narrow2.csv"), 20, 5, new int[0], 2);
        Path out = dir.resolve("never.csv");
        Cli r = Cli.run("score", "--model", model.toString(), "--data", narrow.toString(), "--label-col", "status", "--out", out.toString());
        assertEquals(1, r.code);
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("never.csv")), "temp file left behind");
        }
    }

    @Test
    void versionAndCompletion() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.code);
        assertTrue(v.out.startsWith("simdae "), v.out);
        Cli c = Cli.run("generate-completion");
        assertEquals(0, c.code, c::toString);
        assertTrue(c.out.contains("complete") && c.out.contains("simdae"), c.out.substring(0, Math.min(200, c.out.length())));
    }
}
