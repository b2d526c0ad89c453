package simdae.cli.oneclass;

import simdae.engine.detect.*;

/**
 * {@code (v - mean) / std} with mean and std taken from training scores, so scores of different scale (several
 * models, or reconstruction error and latent distance) can be averaged without looking at test data.
 *
 * @param mean training mean
 * @param std training population standard deviation, replaced by 1 when zero so a constant score stays finite
 */
public record Standardizer(double mean, double std) {

    /** Fitted on the first {@code n} training scores. */
    public static Standardizer fit(float[] v, int n) {
        ErrorStats s = ErrorStats.of(v, n);
        return new Standardizer(s.mean(), s.std() > 0 ? s.std() : 1.0);
    }

    /** The standardised value. */
    public double apply(double v) {
        return (v - mean) / std;
    }
}
