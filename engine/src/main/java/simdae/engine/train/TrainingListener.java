package simdae.engine.train;

/**
 * Progress callbacks from {@link Trainer}. Called on the training thread; keep them cheap (a progress bar).
 * Both methods default to doing nothing.
 */
public interface TrainingListener {

    /**
     * After each mini-batch.
     *
     * @param epoch zero-based epoch
     * @param batch zero-based batch within the epoch
     * @param batches batches in this epoch
     * @param samplesDone samples seen so far in this epoch
     * @param runningLoss mean loss over the epoch's samples so far
     */
    default void onBatch(int epoch, int batch, int batches, int samplesDone, double runningLoss) {
    }

    /** After each epoch, validation included. */
    default void onEpoch(EpochResult result) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };
}
