package simdae.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simdae.engine.data.Dataset;
import simdae.engine.model.TrainedModel;

/** {@code simdae train}: fit an autoencoder on DATA, calibrate the threshold, save the model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an autoencoder on DATA, calibrate its threshold on the training errors, and save the model.",
        footer = {"", "DATA is mnist, mnist:test, an IDX images file (raw or .gz) or a CSV file.", "",
                "Examples:",
                "  simdae train --data mnist --val mnist:test --out mnist.sae",
                "  simdae train --data sensors.csv --label-col status --percentile 99 --out sensors.sae",
                "  simdae train --data big.csv --epochs 50 --checkpoint-dir ckpt --out big.sae   # then, after a crash: --resume ckpt"})
public final class TrainCommand extends BaseCommand {
    @Option(names = "--data", required = true, paramLabel = "DATA", description = "Training data.")
    String data;

    @Option(names = "--val", paramLabel = "DATA", description = "Validation data, scored every epoch (val_loss).")
    String val;

    @Option(names = {"--out", "--model"}, paramLabel = "MODEL", description = "Where to save the model (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("model.sae");

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    TrainArgs train;

    @Mixin
    DataArgs dataArgs;

    @Override
    public Integer call() throws Exception {
        TrainingRun.validate(spec, train);
        if (Files.isDirectory(out)) throw new IllegalArgumentException(out + ": is a folder; give a model file name such as " + out.resolve("model.sae"));
        Dataset d = dataArgs.load(data, err(), quiet);
        Dataset v = val == null ? null : dataArgs.load(val, err(), quiet);
        if (!quiet) out().println(TrainingRun.describe(train, d));
        TrainedModel m = TrainingRun.train(train, d, v, quiet ? null : out());
        ModelStore.save(m, out, train.dtype);
        if (!quiet) {
            out().println(String.format(Locale.ROOT, "saved %s (%s, %s); threshold %s", out, Sizes.bytes(Files.size(out)),
                    train.dtype, m.threshold().describe()));
        }
        return 0;
    }
}
