package simdae.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

import java.util.stream.Stream;

/**
 * Analytic gradients (float kernels) against central finite differences of a double-precision re-implementation of
 * the loss, for every activation in hidden and output positions and for both kernel implementations.
 */
class GradientCheckTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String kernels : new String[] {"scalar", "vector"}) {
            for (Activation hidden : Activation.values()) {
                for (Activation output : Activation.values()) b.add(Arguments.of(kernels, hidden, output));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} kernels, hidden {1}, output {2}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(String kernels, Activation hidden, Activation output) {
        Kernels k = kernels.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
        int[] dims = {6, 5, 3, 6};
        Network net = new Network(dims, new Activation[] {hidden, hidden, output}).initGlorot(7);
        SplitMix64 r = new SplitMix64(11);
        float[] p = net.params();
        for (int l = 0; l < net.layers(); l++) {
            for (int o = 0; o < net.out(l); o++) p[net.biasOffset(l) + o] = 0.1f * (2f * r.nextFloat() - 1f);
        }
        int rows = 7;
        float[] x = new float[rows * dims[0]];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        float[] grad = new float[net.parameterCount()];
        try (Trainer t = new Trainer(net, TrainConfig.defaults().withBatchSize(8).withThreads(2), k)) {
            t.gradient(x, x, rows, grad);
        }
        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) pd[i] = p[i];
        double h = 1e-5;
        double maxRel = 0;
        int worst = -1;
        for (int i = 0; i < pd.length; i++) {
            double keep = pd[i];
            pd[i] = keep + h;
            double up = loss(net, pd, x, rows);
            pd[i] = keep - h;
            double down = loss(net, pd, x, rows);
            pd[i] = keep;
            double numeric = (up - down) / (2 * h);
            double rel = Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i]));
            if (rel > maxRel) {
                maxRel = rel;
                worst = i;
            }
        }
        assertTrue(maxRel < 2e-3, "worst relative gradient error " + maxRel + " at parameter " + worst);
    }

    /** The loss in double precision: mean over rows and features of (f(x) - x)². */
    static double loss(Network net, double[] p, float[] x, int rows) {
        int d = net.inputSize();
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double[] a = new double[d];
            for (int j = 0; j < d; j++) a[j] = x[r * d + j];
            for (int l = 0; l < net.layers(); l++) {
                int in = net.in(l), out = net.out(l);
                double[] z = new double[out];
                for (int o = 0; o < out; o++) {
                    double s = p[net.biasOffset(l) + o];
                    for (int i = 0; i < in; i++) s += a[i] * p[net.weightOffset(l) + i * out + o];
                    z[o] = apply(net.activation(l), s);
                }
                a = z;
            }
            for (int j = 0; j < d; j++) {
                double e = a[j] - x[r * d + j];
                total += e * e;
            }
        }
        return total / ((double) rows * d);
    }

    static double apply(Activation a, double z) {
        switch (a) {
            case RELU: return Math.max(0, z);
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            case TANH: return Math.tanh(z);
            default: return z;
        }
    }
}
