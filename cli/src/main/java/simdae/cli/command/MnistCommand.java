package simdae.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.model.TrainedModel;

/**
 * {@code simdae mnist}: the notebook end to end. Fetch MNIST (cached), train 784-128-64-32-64-128-784 with Adam and
 * MSE for 10 epochs at batch 256 with the test set as validation, save the model, score the 10,000 test images,
 * count those above 0.01, and write the report (error histogram, originals over reconstructions, training curves).
 */
@Command(name = "mnist", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the notebook end to end: fetch MNIST, train the autoencoder, save it, score the test set, write the report.",
        footer = {"", "Examples:",
                "  simdae mnist",
                "  simdae mnist --epochs 20 --threads 1 --model /tmp/m.sae --report /tmp/report",
                "  simdae mnist --percentile 99      # threshold from the training errors instead of 0.01"})
public final class MnistCommand extends BaseCommand {
    @Option(names = "--model", paramLabel = "FILE", description = "Where to save the model (default: ${DEFAULT-VALUE}).")
    Path model = Path.of("out", "mnist", "model.sae");

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path report = Path.of("out", "mnist", "report");

    @Option(names = "--images", paramLabel = "N", description = "Originals over reconstructions shown in the report (default: ${DEFAULT-VALUE}).")
    int images = 10;

    @Option(names = "--quiet", description = "No progress output (the summary is still printed).")
    boolean quiet;

    @Mixin
    TrainArgs train;

    @Option(names = "--mnist-dir", paramLabel = "DIR", description = "Folder holding the four MNIST files, tried before any download (or $SIMDAE_MNIST_DIR).")
    Path mnistDir;

    @Override
    public Integer call() throws Exception {
        TrainingRun.validate(spec, train);
        if (images < 0) throw new IllegalArgumentException("--images must be >= 0, got " + images);
        long t0 = System.nanoTime();
        out().println(InfoCommand.machine());
        DataArgs data = new DataArgs();
        data.mnistDir = mnistDir;
        Dataset trainSet = data.load("mnist:train", err(), quiet);
        Dataset testSet = data.load("mnist:test", err(), quiet);
        out().println(TrainingRun.describe(train, trainSet) + ", validating on " + testSet.source());
        long t1 = System.nanoTime();
        TrainedModel m = TrainingRun.train(train, trainSet, testSet, quiet ? null : out());
        double trainSecs = (System.nanoTime() - t1) / 1e9;
        ModelStore.save(m, model, train.dtype);
        AnomalyDetector det = AnomalyDetector.of(m);
        Scores s = Scores.of(det, testSet, det.threshold());
        out().println(String.format(Locale.ROOT, "trained in %.1f s (%.2f s/epoch); final loss %.5f, val_loss %.5f; model saved to %s (%s)",
                trainSecs, trainSecs / train.epochs, m.training().finalLoss(), m.training().finalValLoss(), model, Sizes.bytes(Files.size(model))));
        out().println(DetectCommand.summary(testSet.source(), testSet.n(), s));
        out().println(String.format(Locale.ROOT, "%d of %d test images are anomalies at threshold %s", s.anomalies, testSet.n(), m.threshold().describe()));
        Path index = ReportStep.write(report, model.toString(), m, det, testSet, s, images, null);
        out().println("report: " + index);
        out().println(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
