package simdae.engine;

import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

/** Run in a child JVM by {@link ScalarFallbackTest}: prints the kernels in use and scores of a fixed model. */
public final class FallbackProbe {
    private FallbackProbe() {
    }

    /** Scores of 50 fixed inputs through a fixed (seeded, untrained) notebook-shaped model, with the default kernels. */
    static float[] scores() {
        Network net = Network.autoencoder(784, 128, 64, 32).initGlorot(7);
        AnomalyDetector det = AnomalyDetector.of(new TrainedModel(net, null, null, null));
        SplitMix64 r = new SplitMix64(1);
        float[] x = new float[50 * 784];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return det.score(x, 50);
    }

    /** Prints {@code kernels=NAME} and {@code scores=a,b,...}. */
    public static void main(String[] args) {
        System.out.println("kernels=" + KernelProvider.get().name() + " (" + KernelProvider.description() + ")");
        float[] s = scores();
        StringBuilder sb = new StringBuilder("scores=");
        for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ",").append(s[i]);
        System.out.println(sb);
    }
}
