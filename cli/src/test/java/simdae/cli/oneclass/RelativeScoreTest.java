package simdae.cli.oneclass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import simdae.cli.eval.Evaluation;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

/** {@link ScoreKind#RELATIVE}: the per-row error divided by the row's energy, and it must still separate classes. */
class RelativeScoreTest {
    static final int D = 36;

    @Test
    void relativeScoreIsTheErrorOverTheRowEnergy() {
        SplitMix64 r = new SplitMix64(5);
        int n = 300, m = 120;
        float[] train = rows(n, r, 0.0);
        float[] test = new float[m * D];
        boolean[] anomaly = new boolean[m];
        System.arraycopy(rows(m / 2, r, 0.0), 0, test, 0, m / 2 * D);
        System.arraycopy(rows(m / 2, r, 3.0), 0, test, m / 2 * D, m / 2 * D); // other phase band
        for (int i = m / 2; i < m; i++) anomaly[i] = true;
        OneClassRecipe recipe = OneClassRecipe.defaults().withEncoder(16, 3).withEpochs(40).withBatchSize(32)
                .withLearningRate(3e-3f).withEnsembleSize(1).withThreads(2);
        float[] rel = ScoreKind.RELATIVE.fit(recipe, train, n, D, 7).score(test, m);
        Network same = Autoencoders.train(recipe, train, n, D, ScoreKind.memberSeed(7, 0));
        float[] mse = Autoencoders.errors(same, test, m);
        for (int j = 0; j < m; j++) {
            double energy = 0;
            for (int q = 0; q < D; q++) energy += (double) test[j * D + q] * test[j * D + q];
            assertEquals(mse[j] / (energy / D + ScoreKind.ENERGY_OFFSET), rel[j], 1e-6 * rel[j], "row " + j);
        }
        assertTrue(Evaluation.auroc(rel, anomaly) > 0.9, "AUROC " + Evaluation.auroc(rel, anomaly));
    }

    private static float[] rows(int n, SplitMix64 r, double phaseBase) {
        float[] x = new float[n * D];
        for (int i = 0; i < n; i++) {
            double phase = phaseBase + r.nextDouble(), level = 0.4 + 0.3 * r.nextDouble();
            for (int j = 0; j < D; j++) x[i * D + j] = (float) Math.min(1, Math.max(0, level + 0.35 * Math.sin(phase + j * 0.4)));
        }
        return x;
    }
}
