package simdae.cli.oneclass;

import simdae.engine.nn.Network;

/** The built-in {@link ScoreMethod}s. */
public enum ScoreKind implements ScoreMethod {
    /** Per-row reconstruction MSE of one autoencoder (the notebook's score). */
    RECONSTRUCTION {
        @Override
        public AnomalyScore fit(OneClassRecipe r, float[] x, int n, int d, long seed) {
            return Autoencoders.reconstruction(Autoencoders.train(r, x, n, d, seed));
        }
    },
    /**
     * {@link OneClassRecipe#ensembleSize()} autoencoders from different seeds; each one's error is standardised by
     * its own training errors, and the score is their mean. Member 0 uses the run's seed itself.
     */
    ENSEMBLE {
        @Override
        public AnomalyScore fit(OneClassRecipe r, float[] x, int n, int d, long seed) {
            int m = r.ensembleSize();
            Network[] nets = new Network[m];
            Standardizer[] std = new Standardizer[m];
            for (int i = 0; i < m; i++) {
                nets[i] = Autoencoders.train(r, x, n, d, memberSeed(seed, i));
                std[i] = Standardizer.fit(Autoencoders.errors(nets[i], x, n), n);
            }
            return (t, rows) -> {
                double[] sum = new double[rows];
                for (int i = 0; i < m; i++) {
                    float[] e = Autoencoders.errors(nets[i], t, rows);
                    for (int j = 0; j < rows; j++) sum[j] += std[i].apply(e[j]);
                }
                float[] out = new float[rows];
                for (int j = 0; j < rows; j++) out[j] = (float) (sum[j] / m);
                return out;
            };
        }
    },
    /**
     * Reconstruction error relative to the sample's own energy, {@code mean((x - x̂)²) / (mean(x²) + c)} with
     * {@code c} = {@link #ENERGY_OFFSET}, averaged over {@link OneClassRecipe#ensembleSize()} models when that is
     * above 1. Plain MSE ranks thin digits (a "1" has a sixth of an "8"'s ink) as normal because they have few
     * pixels to get wrong; dividing by the energy compares errors on an equal footing. {@code c} keeps nearly
     * blank inputs from exploding. Chosen on held-out training data only (see the README).
     */
    RELATIVE {
        @Override
        public AnomalyScore fit(OneClassRecipe r, float[] x, int n, int d, long seed) {
            int m = r.ensembleSize();
            Network[] nets = new Network[m];
            for (int i = 0; i < m; i++) nets[i] = Autoencoders.train(r, x, n, d, memberSeed(seed, i));
            return (t, rows) -> {
                float[] out = new float[rows];
                for (Network net : nets) {
                    float[] e = Autoencoders.errors(net, t, rows);
                    for (int j = 0; j < rows; j++) {
                        double energy = 0;
                        for (int q = j * d, end = q + d; q < end; q++) energy += (double) t[q] * t[q];
                        out[j] += (float) (e[j] / (energy / d + ENERGY_OFFSET) / m);
                    }
                }
                return out;
            };
        }
    },
    /**
     * Reconstruction error combined with the bottleneck code's {@link LatentDistance} from the training codes:
     * {@code (1 - w)·z(error) + w·z(distance)}, each component standardised by its training-set mean and std and
     * {@code w} = {@link OneClassRecipe#latentWeight()}. Only training rows determine the scales.
     */
    RECONSTRUCTION_LATENT {
        @Override
        public AnomalyScore fit(OneClassRecipe r, float[] x, int n, int d, long seed) {
            Network net = Autoencoders.train(r, x, n, d, seed);
            LatentDistance latent = LatentDistance.fit(net, r.encoder().length, x, n);
            Standardizer se = Standardizer.fit(Autoencoders.errors(net, x, n), n);
            Standardizer sz = Standardizer.fit(latent.distances(x, n), n);
            double w = r.latentWeight();
            return (t, rows) -> {
                float[] e = Autoencoders.errors(net, t, rows);
                float[] z = latent.distances(t, rows);
                float[] out = new float[rows];
                for (int j = 0; j < rows; j++) out[j] = (float) ((1 - w) * se.apply(e[j]) + w * sz.apply(z[j]));
                return out;
            };
        }
    };

    /** The {@code c} of {@link #RELATIVE}: about a tenth of a typical MNIST digit's mean squared pixel value. */
    public static final double ENERGY_OFFSET = 0.05;

    /** Seed of ensemble member {@code i}: the run's seed for member 0, well-mixed distinct seeds after it. */
    static long memberSeed(long seed, int i) {
        return seed + i * 0x9E3779B97F4A7C15L;
    }
}
