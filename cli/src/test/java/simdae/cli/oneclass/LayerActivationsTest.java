package simdae.cli.oneclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.util.SplitMix64;

class LayerActivationsTest {

    @Test
    void bottleneckMatchesAHandWrittenForwardPass() {
        Network net = Network.autoencoder(13, 9, 4).initGlorot(7);
        SplitMix64 rng = new SplitMix64(1);
        int rows = 150; // more than one chunk
        float[] x = new float[rows * 13];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
        float[] z = LayerActivations.forward(net, KernelProvider.get(), x, 0, rows, 2);
        assertEquals(rows * 4, z.length);
        float[] ref = new float[rows * 4];
        for (int r = 0; r < rows; r++) {
            float[] a = java.util.Arrays.copyOfRange(x, r * 13, r * 13 + 13);
            for (int l = 0; l < 2; l++) a = layer(net, l, a);
            System.arraycopy(a, 0, ref, r * 4, 4);
        }
        assertArrayEquals(ref, z, 1e-5f);
    }

    @Test
    void allLayersGiveTheReconstruction() {
        Network net = Network.autoencoder(6, 3).initGlorot(2);
        float[] x = {0.1f, 0.5f, 0.9f, 0.3f, 0.2f, 0.7f, 0, 1, 0, 1, 0, 1};
        float[] y = new float[12];
        Scorer.reconstruct(net, KernelProvider.get(), x, 0, 2, y, 0);
        assertArrayEquals(y, LayerActivations.forward(net, KernelProvider.get(), x, 0, 2, net.layers()), 0f);
        assertThrows(IllegalArgumentException.class, () -> LayerActivations.forward(net, KernelProvider.get(), x, 0, 2, 0));
    }

    private static float[] layer(Network net, int l, float[] in) {
        float[] p = net.params();
        float[] out = new float[net.out(l)];
        for (int o = 0; o < out.length; o++) {
            double s = p[net.biasOffset(l) + o];
            for (int i = 0; i < in.length; i++) s += in[i] * p[net.weightOffset(l) + i * out.length + o];
            out[o] = net.activation(l).apply((float) s);
        }
        return out;
    }
}
