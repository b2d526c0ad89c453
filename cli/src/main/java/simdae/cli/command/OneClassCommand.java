package simdae.cli.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.cli.oneclass.LabeledData;
import simdae.cli.oneclass.OneClassBenchmark;
import simdae.cli.oneclass.OneClassRecipe;
import simdae.cli.oneclass.OneClassResult;
import simdae.cli.oneclass.ScoreKind;
import simdae.cli.report.ReportInput;
import simdae.cli.report.ReportWriter;
import simdae.engine.data.Dataset;
import simdae.engine.util.AtomicFiles;

/**
 * {@code simdae oneclass}: the one-class benchmark of the anomaly-detection literature. For each class k, train only
 * on k's training rows, score the whole test set, AUROC with k normal and every other class anomalous.
 */
@Command(name = "oneclass", mixinStandardHelpOptions = true, sortOptions = false,
        description = "One-class benchmark: per class k, train on k only, score the test set, AUROC (k normal, the rest anomalous).",
        footer = {"", "The default recipe was chosen on held-out training images only (see README).", "",
                "Examples:",
                "  simdae oneclass --data mnist --seeds 3",
                "  simdae oneclass --data mnist --classes 2,5 --format json --out oneclass.json"})
public final class OneClassCommand extends BaseCommand {
    @Option(names = "--data", paramLabel = "DATA", description = "Labelled training data (default: ${DEFAULT-VALUE}).")
    String data = "mnist";

    @Option(names = "--test", paramLabel = "DATA", description = "Labelled test data (default: mnist:test for mnist, else required).")
    String test;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per class (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(names = "--classes", paramLabel = "K,K,...", split = ",", description = "Classes to run (default: all).")
    List<Integer> classes;

    @Option(names = "--recipe", paramLabel = "recommended|plain",
            description = "recommended: 40 epochs, relative error, 3-model ensemble; plain: the notebook's model and pixel MSE, 10 epochs (default: ${DEFAULT-VALUE}).")
    String recipe = "recommended";

    @Option(names = "--epochs", paramLabel = "N", description = "Override the recipe's epochs.")
    Integer epochs;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: all cores).")
    Integer threads;

    @Mixin
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result here (JSON when the name ends in .json, else the table).")
    Path outFile;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write a report (index.html with the AUROC bar chart) into DIR.")
    Path report;

    @Option(names = "--quiet", description = "No per-run progress.")
    boolean quiet;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        boolean json = format.json();
        OneClassRecipe r;
        if (recipe.equalsIgnoreCase("recommended")) r = OneClassRecipe.recommended();
        else if (recipe.equalsIgnoreCase("plain")) r = OneClassRecipe.defaults().withScore(ScoreKind.RECONSTRUCTION);
        else throw new IllegalArgumentException("--recipe must be recommended or plain, got " + recipe);
        if (epochs != null) r = r.withEpochs(epochs);
        if (threads != null) r = r.withThreads(threads);
        String testSpec = test != null ? test : data.toLowerCase(Locale.ROOT).startsWith("mnist") ? "mnist:test" : null;
        if (testSpec == null) throw new IllegalArgumentException("--test is required when --data is not mnist");
        long t0 = System.nanoTime();
        LabeledData train = labelled(dataArgs.load(data, err(), quiet));
        LabeledData testSet = labelled(dataArgs.load(testSpec, err(), quiet));
        int[] ks = classes != null ? classes.stream().mapToInt(Integer::intValue).toArray() : java.util.Arrays.stream(testSet.labelsInUse()).distinct().sorted().toArray();
        long[] sd = new long[seeds];
        for (int i = 0; i < seeds; i++) sd[i] = i;
        if (!quiet) err().println("one-class benchmark: " + ks.length + " classes × " + seeds + " seeds, recipe " + r.toJson());
        OneClassResult res = new OneClassBenchmark(r).run(train, testSet, ks, sd, (run, done, total) -> {
            if (!quiet) {
                err().println(String.format(Locale.ROOT, "[%d/%d] class %d seed %d: AUROC %.4f (%.1f s)", done, total, run.normalClass(), run.seed(), run.auroc(), run.seconds()));
                err().flush();
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        out().print(json ? res.toJson() : res.toTable());
        if (!json) out().println(String.format(Locale.ROOT, "wall time %.0f s", secs));
        if (outFile != null) {
            boolean fileJson = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            AtomicFiles.write(outFile, ByteBuffer.wrap((fileJson ? res.toJson() : res.toTable()).getBytes(StandardCharsets.UTF_8)));
        }
        if (report != null) {
            ReportInput.Builder b = ReportInput.builder("simdae one-class benchmark", new float[0], 0)
                    .source("train " + data + ", test " + testSpec)
                    .put("protocol", "per class k: train on k's training rows only, score the whole test set, AUROC with k normal")
                    .put("recipe", r.toJson())
                    .put("classes × seeds", ks.length + " × " + seeds)
                    .put("mean AUROC", String.format(Locale.ROOT, "%.4f", res.meanAuroc()))
                    .put("wall time", String.format(Locale.ROOT, "%.0f s", secs))
                    .oneClass(res.classes());
            ReportWriter.write(b.build(), report);
            if (!quiet) err().println("report: " + report.resolve(ReportWriter.INDEX));
        }
        return 0;
    }

    /** Rows in [0, 1] (8-bit pixels divided by 255) with their labels; the protocol needs labels. */
    private static LabeledData labelled(Dataset d) {
        if (!d.hasLabels()) throw new IllegalArgumentException(d.source() + " has no labels; the one-class benchmark needs them");
        float[] x = d.x();
        if (TrainingRun.scaleFor(TrainArgs.Scale.AUTO, d) == TrainArgs.Scale.DIV255) {
            x = x.clone();
            for (int i = 0; i < x.length; i++) x[i] /= 255f;
        }
        return new LabeledData(x, d.labels(), d.n(), d.d(), d.classNames());
    }
}
