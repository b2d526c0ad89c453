package simdae.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/** Builds the {@link ScoringParams} of one owner and sets their defaults, identically for estimator and model. */
final class SharedParams implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final String[] INVALID = {"error", "skip", "keep"};
    static final String[] KERNELS = {"auto", "vector", "scalar"};

    final Param<String> inputCol;
    final Param<String> errorCol;
    final Param<String> predictionCol;
    final Param<String> handleInvalid;
    final Param<String> kernels;

    SharedParams(Params owner) {
        inputCol = new Param<>(owner, "inputCol",
                "input column: a Spark ML Vector, array<float> or array<double> of raw features");
        errorCol = new Param<>(owner, "errorCol", "output column of the reconstruction error mean((x - x̂)²), double");
        predictionCol = new Param<>(owner, "predictionCol",
                "output column of the anomaly flag: 1.0 when the error is above the model's threshold, else 0.0");
        handleInvalid = new Param<>(owner, "handleInvalid",
                "rows with a null or a wrong-length input: 'error' fails naming the column and lengths, 'skip' drops"
                        + " them, 'keep' keeps them with a null error and prediction (as in Spark's feature transformers)",
                ParamValidators.inArray(INVALID));
        kernels = new Param<>(owner, "kernels",
                "kernels on executors: 'auto' (SIMD when the executor JVM runs with --add-modules jdk.incubator.vector,"
                        + " else scalar), 'vector' (fail without the module) or 'scalar'",
                ParamValidators.inArray(KERNELS));
    }

    /** Sets the defaults; called by the owner after its params exist. */
    void setDefaults(Params owner) {
        owner.setDefault(inputCol, "features");
        owner.setDefault(errorCol, "reconstructionError");
        owner.setDefault(predictionCol, "prediction");
        owner.setDefault(handleInvalid, "error");
        owner.setDefault(kernels, "auto");
    }
}
