package simdae.engine.train;

/**
 * What one epoch produced.
 *
 * @param epoch zero-based epoch index
 * @param epochs total epochs of the run
 * @param loss mean training loss (MSE) over the epoch's samples
 * @param valLoss mean validation loss, or {@code NaN} without validation data
 * @param seconds wall time of the epoch, validation included
 * @param samples training samples seen
 */
public record EpochResult(int epoch, int epochs, double loss, double valLoss, double seconds, int samples) {
}
