package simdae.cli.oneclass;

import simdae.cli.Json;

import java.util.Arrays;
import simdae.engine.data.Preprocessing;
import simdae.engine.train.TrainConfig;

/**
 * Everything that defines one run of the one-class protocol except the data and the seed: the autoencoder
 * {@code d - encoder... - d}, its training, the input transform and the score. Immutable; {@code with*} return
 * copies.
 *
 * @param encoder encoder widths, bottleneck last (the decoder mirrors them)
 * @param epochs training epochs
 * @param batchSize mini-batch size
 * @param learningRate Adam's learning rate
 * @param preprocessing {@link Preprocessing.Kind#NONE} for data already in [0, 1], or {@link Preprocessing.Kind#MINMAX}
 *                      fitted on the normal class's training rows; z-score is refused because the sigmoid output
 *                      cannot reconstruct values outside [0, 1]
 * @param score how rows are scored
 * @param ensembleSize models per run for {@link ScoreKind#ENSEMBLE}
 * @param latentWeight weight {@code w} of the latent distance in {@link ScoreKind#RECONSTRUCTION_LATENT}, in [0, 1]
 * @param threads training threads
 */
public record OneClassRecipe(int[] encoder, int epochs, int batchSize, float learningRate, Preprocessing.Kind preprocessing,
                             ScoreMethod score, int ensembleSize, double latentWeight, int threads) {

    /** Validates and copies the encoder widths. */
    public OneClassRecipe {
        if (encoder == null || encoder.length == 0) throw new IllegalArgumentException("encoder needs at least one width");
        for (int w : encoder) if (w < 1) throw new IllegalArgumentException("encoder widths must be positive: " + Arrays.toString(encoder));
        encoder = encoder.clone();
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        if (preprocessing != Preprocessing.Kind.NONE && preprocessing != Preprocessing.Kind.MINMAX) {
            throw new IllegalArgumentException("preprocessing must be NONE or MINMAX (the sigmoid output reconstructs [0, 1]), got " + preprocessing);
        }
        if (score == null) throw new IllegalArgumentException("score is null");
        if (ensembleSize < 1) throw new IllegalArgumentException("ensemble size must be >= 1, got " + ensembleSize);
        if (!(latentWeight >= 0 && latentWeight <= 1)) throw new IllegalArgumentException("latent weight must be in [0, 1], got " + latentWeight);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /**
     * The notebook's model and training: encoder 128-64-32, 10 epochs, batch 256, lr 0.001, no preprocessing
     * (pixels already divided by 255), plain reconstruction MSE; ensembles of 5, latent weight 0.5; all cores.
     */
    public static OneClassRecipe defaults() {
        return new OneClassRecipe(new int[] {128, 64, 32}, 10, 256, 1e-3f, Preprocessing.Kind.NONE, ScoreKind.RECONSTRUCTION,
                5, 0.5, TrainConfig.defaults().threads());
    }

    /**
     * The recommended recipe for one-class MNIST, chosen on held-out training images only (80 % of class k's
     * training images to train, the other 20 % against other digits' training images to compare): the notebook's
     * 128-64-32 autoencoder trained 40 epochs at batch 256, lr 0.001, three seeds per run, scored by
     * {@link ScoreKind#RELATIVE} (validation mean AUROC: plain MSE 0.954, relative 0.977, relative × 3 seeds 0.978).
     */
    public static OneClassRecipe recommended() {
        return defaults().withEpochs(40).withScore(ScoreKind.RELATIVE).withEnsembleSize(3);
    }

    /** A copy of the encoder widths. */
    @Override
    public int[] encoder() {
        return encoder.clone();
    }

    /** A copy with other encoder widths. */
    public OneClassRecipe withEncoder(int... v) { return new OneClassRecipe(v, epochs, batchSize, learningRate, preprocessing, score, ensembleSize, latentWeight, threads); }

    /** A copy with {@code epochs}. */
    public OneClassRecipe withEpochs(int v) { return new OneClassRecipe(encoder, v, batchSize, learningRate, preprocessing, score, ensembleSize, latentWeight, threads); }

    /** A copy with {@code batchSize}. */
    public OneClassRecipe withBatchSize(int v) { return new OneClassRecipe(encoder, epochs, v, learningRate, preprocessing, score, ensembleSize, latentWeight, threads); }

    /** A copy with {@code learningRate}. */
    public OneClassRecipe withLearningRate(float v) { return new OneClassRecipe(encoder, epochs, batchSize, v, preprocessing, score, ensembleSize, latentWeight, threads); }

    /** A copy with {@code preprocessing}. */
    public OneClassRecipe withPreprocessing(Preprocessing.Kind v) { return new OneClassRecipe(encoder, epochs, batchSize, learningRate, v, score, ensembleSize, latentWeight, threads); }

    /** A copy with another score. */
    public OneClassRecipe withScore(ScoreMethod v) { return new OneClassRecipe(encoder, epochs, batchSize, learningRate, preprocessing, v, ensembleSize, latentWeight, threads); }

    /** A copy with {@code ensembleSize}. */
    public OneClassRecipe withEnsembleSize(int v) { return new OneClassRecipe(encoder, epochs, batchSize, learningRate, preprocessing, score, v, latentWeight, threads); }

    /** A copy with {@code latentWeight}. */
    public OneClassRecipe withLatentWeight(double v) { return new OneClassRecipe(encoder, epochs, batchSize, learningRate, preprocessing, score, ensembleSize, v, threads); }

    /** A copy with {@code threads}. */
    public OneClassRecipe withThreads(int v) { return new OneClassRecipe(encoder, epochs, batchSize, learningRate, preprocessing, score, ensembleSize, latentWeight, v); }

    /** The recipe as a JSON object. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"encoder\": [");
        for (int i = 0; i < encoder.length; i++) sb.append(i > 0 ? ", " : "").append(encoder[i]);
        return sb.append("], \"epochs\": ").append(epochs)
                .append(", \"batchSize\": ").append(batchSize)
                .append(", \"learningRate\": ").append(Json.num(learningRate))
                .append(", \"preprocessing\": ").append(Json.str(preprocessing.name()))
                .append(", \"score\": ").append(Json.str(score.name()))
                .append(", \"ensembleSize\": ").append(ensembleSize)
                .append(", \"latentWeight\": ").append(Json.num(latentWeight))
                .append(", \"threads\": ").append(threads)
                .append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OneClassRecipe)) return false;
        OneClassRecipe r = (OneClassRecipe) o;
        return Arrays.equals(encoder, r.encoder) && epochs == r.epochs && batchSize == r.batchSize
                && Float.compare(learningRate, r.learningRate) == 0 && preprocessing == r.preprocessing
                && score.equals(r.score) && ensembleSize == r.ensembleSize
                && Double.compare(latentWeight, r.latentWeight) == 0 && threads == r.threads;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoder) * 31 + java.util.Objects.hash(epochs, batchSize, learningRate, preprocessing, score, ensembleSize, latentWeight, threads);
    }

    @Override
    public String toString() {
        return "OneClassRecipe" + toJson();
    }
}
