package simdae.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import simdae.engine.AutoencoderTrainer;
import simdae.engine.data.Dataset;
import simdae.engine.model.TrainedModel;

/** Trains the autoencoder {@link TrainArgs} describe on a dataset, with Keras-style progress. */
final class TrainingRun {
    private TrainingRun() {}

    static void validate(CommandSpec spec, TrainArgs a) {
        if (a.epochs < 1) throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + a.epochs);
        if (a.batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1, got " + a.batch);
        if (!(a.lr > 0) || Float.isInfinite(a.lr)) throw new ParameterException(spec.commandLine(), "--lr must be a positive number, got " + a.lr);
        if (a.threads != null && a.threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + a.threads);
        if (a.encoder.isEmpty() || a.encoder.stream().anyMatch(w -> w < 1)) throw new ParameterException(spec.commandLine(), "--encoder widths must be positive, got " + a.encoder);
        TrainArgs.ThresholdArgs t = a.threshold;
        if (t.percentile != null && !(t.percentile > 0 && t.percentile < 100)) throw new ParameterException(spec.commandLine(), "--percentile must be in (0, 100), got " + t.percentile);
        if (t.contamination != null && !(t.contamination > 0 && t.contamination < 0.5)) throw new ParameterException(spec.commandLine(), "--contamination must be in (0, 0.5), got " + t.contamination);
        if (t.sigma != null && !(t.sigma >= 0)) throw new ParameterException(spec.commandLine(), "--sigma must be >= 0, got " + t.sigma);
        if (t.fixed != null && !(t.fixed >= 0) || t.fixed != null && Double.isInfinite(t.fixed)) throw new ParameterException(spec.commandLine(), "--threshold must be a number >= 0, got " + t.fixed);
        if (a.resume != null && !Files.isDirectory(a.resume)) throw new ParameterException(spec.commandLine(), "--resume " + a.resume + ": no such folder");
    }

    /**
     * Trains on {@code train}, validating on {@code val} (may be null) every epoch.
     *
     * @param progress where the per-epoch lines go, or null for none
     */
    static TrainedModel train(TrainArgs a, Dataset train, Dataset val, PrintWriter progress) {
        if (val != null && val.d() != train.d()) {
            throw new IllegalArgumentException("validation data has " + val.d() + " features per row, training data has " + train.d());
        }
        AutoencoderTrainer t = AutoencoderTrainer.of(train.d(), a.encoderWidths())
                .epochs(a.epochs).batchSize(a.batch).learningRate(a.lr).seed(a.seed);
        if (a.threads != null) t.threads(a.threads);
        switch (scaleFor(a.scale, train)) {
            case DIV255: t.divideBy(255f); break;
            case MINMAX: t.scaling(AutoencoderTrainer.Scaling.MINMAX); break;
            case ZSCORE: t.scaling(AutoencoderTrainer.Scaling.ZSCORE); break;
            default: t.scaling(AutoencoderTrainer.Scaling.NONE);
        }
        TrainArgs.ThresholdArgs th = a.threshold;
        if (th.percentile != null) t.percentile(th.percentile);
        else if (th.contamination != null) t.contamination(th.contamination);
        else if (th.sigma != null) t.sigma(th.sigma);
        else t.threshold(th.fixed != null ? th.fixed : 0.01);
        if (val != null) t.validation(val.x(), val.n());
        Path ckpt = a.resume != null ? a.resume : a.checkpointDir;
        if (ckpt != null) t.checkpoints(ckpt, a.resume != null);
        if (progress != null) t.listener(new KerasProgress(progress, Terminal.interactive(), a.epochs));
        // In place: the rows are scaled where they lie instead of copied (the command does not need them raw again).
        return t.trainInPlace(train.x(), train.n());
    }

    /** {@code auto}: 8-bit images (values above 1) are divided by 255, other images kept, CSV rows min-max scaled. */
    static TrainArgs.Scale scaleFor(TrainArgs.Scale s, Dataset d) {
        if (s != TrainArgs.Scale.AUTO) return s;
        if (!d.isImage()) return TrainArgs.Scale.MINMAX;
        float[] x = d.x();
        for (int i = 0, n = d.n() * d.d(); i < n; i++) if (x[i] > 1f) return TrainArgs.Scale.DIV255;
        return TrainArgs.Scale.NONE;
    }

    static String describe(TrainArgs a, Dataset train) {
        return String.format(Locale.ROOT, "training %s on %s (%d samples), %d epochs, batch %d, lr %s, seed %d, scale %s",
                architecture(train.d(), a.encoderWidths()), train.source(), train.n(), a.epochs, a.batch, a.lr, a.seed,
                scaleFor(a.scale, train).name().toLowerCase(Locale.ROOT));
    }

    /** {@code 784-128-64-32-64-128-784} for d = 784 and encoder 128,64,32. */
    static String architecture(int d, int[] encoder) {
        StringBuilder sb = new StringBuilder().append(d);
        for (int w : encoder) sb.append('-').append(w);
        for (int i = encoder.length - 2; i >= 0; i--) sb.append('-').append(encoder[i]);
        return sb.append('-').append(d).toString();
    }
}
