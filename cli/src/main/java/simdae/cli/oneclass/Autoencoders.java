package simdae.cli.oneclass;

import simdae.engine.kernel.KernelProvider;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;
import simdae.engine.train.TrainingListener;

/** Training and scoring of the recipe's autoencoder, shared by the built-in {@link ScoreKind}s. */
public final class Autoencoders {

    private Autoencoders() {
    }

    /** {@code Network.autoencoder(d, recipe.encoder())} with Glorot weights from {@code seed}, trained on {@code x}. */
    public static Network train(OneClassRecipe recipe, float[] x, int n, int d, long seed) {
        Network net = Network.autoencoder(d, recipe.encoder()).initGlorot(seed);
        TrainConfig cfg = TrainConfig.defaults()
                .withEpochs(recipe.epochs())
                .withBatchSize(recipe.batchSize())
                .withLearningRate(recipe.learningRate())
                .withSeed(seed)
                .withThreads(recipe.threads());
        try (Trainer t = new Trainer(net, cfg)) {
            t.fit(x, n, null, 0, TrainingListener.NONE);
        }
        return net;
    }

    /** Per-row reconstruction MSE of {@code n} rows. */
    public static float[] errors(Network net, float[] x, int n) {
        float[] e = new float[n];
        Scorer.errors(net, KernelProvider.get(), x, 0, n, e, 0);
        return e;
    }

    /** The plain reconstruction-error score of a trained autoencoder. */
    public static AnomalyScore reconstruction(Network net) {
        return (x, n) -> errors(net, x, n);
    }
}
