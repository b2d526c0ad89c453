package simdae.cli.command;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.format.LoadedModel;

/** {@code simdae report}: the notebook's figures for a model and a dataset, as PNGs and an index.html. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the report for MODEL on DATA: error histogram with the threshold, originals over reconstructions, training curves, and with labels ROC/PR curves and per-class errors; index.html shows them.",
        footer = {"", "Examples:",
                "  simdae report --model out/mnist/model.sae --data mnist:test --out out/mnist/report",
                "  simdae report --model digit0.sae --data mnist:test --normal-class 0 --out report-0"})
public final class ReportCommand extends BaseCommand {
    @Mixin
    ModelOnData in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the report into (created if needed).")
    Path outDir;

    @Option(names = "--images", paramLabel = "N", description = "Originals over reconstructions to show, for image data (default: ${DEFAULT-VALUE}).")
    int images = 10;

    @Option(names = "--threshold", paramLabel = "T", description = "Override the model's threshold.")
    Double threshold;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Labels.Choice truth;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        if (images < 0) throw new IllegalArgumentException("--images must be >= 0, got " + images);
        LoadedModel lm = ModelStore.load(in.model);
        AnomalyDetector det = AnomalyDetector.of(lm.model());
        if (threshold != null) det = det.withThreshold(threshold);
        Dataset d = dataArgs.load(in.data, err(), false);
        Scores s = Scores.of(det, d, det.threshold());
        boolean[] isAnomaly = null;
        if (truth != null) {
            Labels l = new Labels();
            l.choice = truth;
            isAnomaly = l.truth(d);
        }
        Path index = ReportStep.write(outDir, in.model.toString(), det.model(), det, d, s, images, isAnomaly);
        out().println(DetectCommand.summary(d.source(), d.n(), s));
        out().println(String.format(Locale.ROOT, "report: %s", index));
        return 0;
    }
}
