package simdae.cli.oneclass;

/**
 * How a one-class detector is built from normal training rows. {@link ScoreKind} holds the built-in methods; a custom
 * method only needs a name (for reports) and {@link #fit}.
 */
public interface ScoreMethod {

    /** A short, stable name for reports and JSON, e.g. {@code RECONSTRUCTION}. */
    String name();

    /**
     * Trains whatever the method needs on the {@code n × d} normal rows {@code x} and returns the fitted score. Must
     * use nothing but these rows, so that nothing about the test set can leak into the score.
     *
     * @param recipe architecture and training hyper-parameters
     * @param seed seed of this run (weights initialisation, shuffles)
     */
    AnomalyScore fit(OneClassRecipe recipe, float[] x, int n, int d, long seed);
}
