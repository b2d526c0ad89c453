package simdae.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The parameters that both {@link SimdaeAutoencoder} and {@link SimdaeModel} carry, so that a fitted model scores
 * with the columns and invalid-row policy its estimator was configured with ({@code copyValues} matches them by name).
 *
 * <p>Each implementing class creates its own {@link Param} objects with {@link SharedParams}: Spark ties a param to
 * the uid of its owner, so they cannot be shared instances.
 */
public interface ScoringParams extends Params {

    /** Input column: a Spark ML {@code Vector}, {@code array<float>} or {@code array<double>}. */
    Param<String> inputCol();

    /** Output column of the per-row reconstruction error (double). */
    Param<String> errorCol();

    /** Output column of the anomaly flag (double: 1.0 above the model's threshold, else 0.0). */
    Param<String> predictionCol();

    /** {@code error} (fail), {@code skip} (drop the row) or {@code keep} (null error and prediction). */
    Param<String> handleInvalid();

    /** {@code auto} (the executor JVM's choice), {@code vector} or {@code scalar}. */
    Param<String> kernels();

    /** Name of the input column. */
    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    /** Name of the reconstruction-error column. */
    default String getErrorCol() {
        return getOrDefault(errorCol());
    }

    /** Name of the prediction column. */
    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    /** The invalid-row policy. */
    default String getHandleInvalid() {
        return getOrDefault(handleInvalid());
    }

    /** The kernel choice on executors. */
    default String getKernels() {
        return getOrDefault(kernels());
    }
}
