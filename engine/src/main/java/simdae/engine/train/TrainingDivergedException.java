package simdae.engine.train;

/** Thrown when the loss or a parameter stops being finite; names where it happened. */
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
