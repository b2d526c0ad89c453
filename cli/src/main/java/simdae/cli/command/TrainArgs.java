package simdae.cli.command;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import simdae.engine.format.DType;

/** Model and training options shared by {@code train} and {@code mnist}; defaults are the notebook's. */
public final class TrainArgs {
    @Option(names = "--encoder", paramLabel = "W,W,...", split = ",", description = "Encoder widths, bottleneck last; the decoder mirrors them (default: 128,64,32).")
    List<Integer> encoder = List.of(128, 64, 32);

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 10;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch = 256;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr = 1e-3f;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of weights and shuffles (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores, or -Dsimdae.threads / $SIMDAE_THREADS).")
    Integer threads;

    @Option(names = "--scale", paramLabel = "auto|none|div255|minmax|zscore",
            description = "Input scaling, fitted on the training data and stored in the model (default: auto = div255 for 8-bit images, minmax for CSV).")
    Scale scale = Scale.AUTO;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ThresholdArgs threshold = new ThresholdArgs();

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Write a checkpoint here at the end of every epoch (atomic; the last good one is kept).")
    Path checkpointDir;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue from the checkpoint in DIR (bitwise identical to an uninterrupted run); keeps checkpointing there.")
    Path resume;

    @Option(names = "--dtype", paramLabel = "f32|f16|int8", description = "Weight precision of the saved model (default: ${DEFAULT-VALUE}).")
    DType dtype = DType.F32;

    /** How raw inputs are scaled before the network. */
    public enum Scale { AUTO, NONE, DIV255, MINMAX, ZSCORE }

    /** The threshold rule: exactly one of these, fixed 0.01 (the notebook's) when none is given. */
    public static final class ThresholdArgs {
        @Option(names = "--threshold", paramLabel = "T", description = "Fixed threshold (default: 0.01, the notebook's).")
        Double fixed;

        @Option(names = "--percentile", paramLabel = "P", description = "Threshold at the P-th percentile of the training errors (e.g. 99).")
        Double percentile;

        @Option(names = "--contamination", paramLabel = "C", description = "Flag the top fraction C of the training errors (PyOD's convention, e.g. 0.01).")
        Double contamination;

        @Option(names = "--sigma", paramLabel = "K", description = "Threshold at mean + K·std of the training errors.")
        Double sigma;
    }

    int[] encoderWidths() {
        int[] e = new int[encoder.size()];
        for (int i = 0; i < e.length; i++) e[i] = encoder.get(i);
        return e;
    }
}
