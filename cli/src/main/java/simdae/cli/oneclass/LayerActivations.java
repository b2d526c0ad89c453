package simdae.cli.oneclass;

import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;

/**
 * Forward passes that stop part-way, for scores built on an inner layer (e.g. an autoencoder's bottleneck code).
 * {@link simdae.engine.nn.Scorer} only exposes the final output.
 */
public final class LayerActivations {
    private static final int CHUNK = 64;

    private LayerActivations() {
    }

    /**
     * The output of layer {@code layers - 1} (after its activation) for {@code rows} inputs at {@code x[xOff..]}.
     * For {@code Network.autoencoder(d, e1, ..., ek)}, {@code layers = k} gives the bottleneck code.
     *
     * @return {@code rows × net.out(layers - 1)}, row-major
     */
    public static float[] forward(Network net, Kernels k, float[] x, int xOff, int rows, int layers) {
        if (layers < 1 || layers > net.layers()) throw new IllegalArgumentException("layers must be in 1.." + net.layers() + ", got " + layers);
        int width = net.out(layers - 1);
        float[] out = new float[rows * width];
        // Chunks keep the ping-pong buffers in cache instead of materialising every layer for every row.
        float[] a = new float[CHUNK * net.maxWidth()], b = new float[CHUNK * net.maxWidth()];
        float[] p = net.params();
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            float[] src = x, dst = a;
            int srcOff = xOff + start * net.inputSize();
            for (int l = 0; l < layers; l++) {
                k.denseForward(src, srcOff, p, net.weightOffset(l), net.biasOffset(l), dst, 0, 0, n, net.in(l), net.out(l), net.activation(l));
                src = dst;
                srcOff = 0;
                dst = dst == a ? b : a;
            }
            System.arraycopy(src, 0, out, start * width, n * width);
        }
        return out;
    }
}
