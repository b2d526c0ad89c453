package simdae.engine;
import simdae.engine.data.Preprocessing;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

/**
 * Child-JVM program for {@link ScoringDeterminismTest}: scores rows in a fresh JVM (interpreted), again after 200,000
 * calls (compiled by C2), and prints how many rows scored differently.
 */
public final class TierProbe {
    private TierProbe() {
    }

    /** Entry point. */
    public static void main(String[] a) {
        int d = 64;
        AnomalyDetector det = AnomalyDetector.of(new TrainedModel(Network.autoencoder(d, 32, 8).initGlorot(3), Preprocessing.divide(255), null, null));
        SplitMix64 r = new SplitMix64(4);
        float[][] rows = new float[50][d];
        for (float[] row : rows) for (int j = 0; j < d; j++) row[j] = 255 * r.nextFloat();
        float[] cold = new float[rows.length];
        for (int i = 0; i < rows.length; i++) cold[i] = det.score(rows[i]);
        for (int k = 0; k < 200000; k++) det.score(rows[k % rows.length]);
        int diff = 0;
        for (int i = 0; i < rows.length; i++) if (Float.floatToRawIntBits(cold[i]) != Float.floatToRawIntBits(det.score(rows[i]))) diff++;
        System.out.println("differing " + diff + " of " + rows.length);
    }
}
