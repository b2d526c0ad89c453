package simdae.cli.report;

import java.util.Arrays;
import simdae.engine.model.TrainingInfo;

/**
 * Loss per epoch for {@code training_curves.png}. Validation loss is optional: {@code null}, empty, or {@code NaN}
 * where an epoch had none (Keras' {@code val_loss}).
 *
 * @param loss training loss per epoch (epoch 1 first)
 * @param valLoss validation loss per epoch, or an empty array
 */
public record TrainingHistory(double[] loss, double[] valLoss) {

    /** Copies the arrays and checks they are parallel. */
    public TrainingHistory {
        if (loss == null || loss.length == 0) throw new IllegalArgumentException("training history needs at least one epoch of loss");
        loss = loss.clone();
        valLoss = valLoss == null ? new double[0] : valLoss.clone();
        if (valLoss.length != 0 && valLoss.length != loss.length) {
            throw new IllegalArgumentException(loss.length + " epochs of loss but " + valLoss.length + " of val_loss");
        }
    }

    /** The history kept in a model file, or empty when the model carries none. */
    public static java.util.Optional<TrainingHistory> of(TrainingInfo info) {
        if (info == null || info.loss().length == 0) return java.util.Optional.empty();
        return java.util.Optional.of(new TrainingHistory(info.loss(), info.valLoss()));
    }

    /** Number of epochs. */
    public int epochs() {
        return loss.length;
    }

    /** True when at least one epoch has a finite validation loss. */
    public boolean hasValidation() {
        return Arrays.stream(valLoss).anyMatch(Double::isFinite);
    }

    /** Loss of the last epoch. */
    public double finalLoss() {
        return loss[loss.length - 1];
    }

    /** Validation loss of the last epoch, or NaN. */
    public double finalValLoss() {
        return valLoss.length == 0 ? Double.NaN : valLoss[valLoss.length - 1];
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] valLoss() {
        return valLoss.clone();
    }
}
