package simdae.engine.train;

/**
 * Thrown when the loss or a parameter stops being finite; names where it happened. {@link Trainer#fit} checks after
 * every batch and throws at the first bad one, before any later batch runs or the epoch ends (so no listener sees
 * that epoch finish and no per-epoch checkpoint is written over the last good one). The network in memory then holds
 * the weights of the failing step: reload the last checkpoint to go on.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int batch;

    /** @param epoch zero-based epoch @param batch zero-based batch @param what what went non-finite */
    public TrainingDivergedException(int epoch, int batch, String what) {
        super("training diverged at epoch " + (epoch + 1) + ", batch " + (batch + 1) + ": " + what
                + " (try a smaller --lr); the model was not changed on disk");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** Zero-based epoch where it diverged. */
    public int epoch() { return epoch; }

    /** Zero-based batch where it diverged. */
    public int batch() { return batch; }
}
