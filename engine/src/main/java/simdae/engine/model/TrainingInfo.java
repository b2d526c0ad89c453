package simdae.engine.model;

/**
 * How a model was trained, kept in its file so {@code info} and reports can show it.
 *
 * @param epochs epochs run
 * @param batchSize mini-batch size
 * @param learningRate Adam's learning rate
 * @param seed initialisation and shuffle seed
 * @param threads training threads
 * @param kernels kernels used ({@code vector} or {@code scalar}) with lane width, e.g. {@code vector-16}
 * @param libraryVersion simdae version that trained it
 * @param createdEpochMillis creation time (milliseconds since the epoch)
 * @param trainSamples training samples
 * @param loss training loss per epoch
 * @param valLoss validation loss per epoch ({@code NaN} where there was none)
 * @param epochSeconds wall time per epoch
 */
public record TrainingInfo(int epochs, int batchSize, double learningRate, long seed, int threads, String kernels,
                           String libraryVersion, long createdEpochMillis, long trainSamples,
                           double[] loss, double[] valLoss, double[] epochSeconds) {

    /** Validates and defends the arrays. */
    public TrainingInfo {
        kernels = kernels == null ? "" : kernels;
        libraryVersion = libraryVersion == null ? "" : libraryVersion;
        loss = loss == null ? new double[0] : loss.clone();
        valLoss = valLoss == null ? new double[0] : valLoss.clone();
        epochSeconds = epochSeconds == null ? new double[0] : epochSeconds.clone();
        if (valLoss.length != loss.length || epochSeconds.length != loss.length) {
            throw new IllegalArgumentException("loss, valLoss and epochSeconds must have one value per epoch");
        }
    }

    /** Metadata of a model that was not trained by simdae (or whose history is unknown). */
    public static TrainingInfo unknown() {
        return new TrainingInfo(0, 0, 0, 0, 0, "", "", 0, 0, null, null, null);
    }

    /** Final training loss, or NaN. */
    public double finalLoss() {
        return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
    }

    /** Final validation loss, or NaN. */
    public double finalValLoss() {
        return valLoss.length == 0 ? Double.NaN : valLoss[valLoss.length - 1];
    }
}
