package simdae.bench;

import simdae.cli.MachineInfo;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Activation;
import simdae.engine.util.SplitMix64;

/**
 * Quick single-thread GFLOP/s of each kernel at the notebook's big shapes (a sanity check between JMH runs).
 * Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar simdae.bench.KernelHarness [vector|scalar]}
 */
public final class KernelHarness {
    private KernelHarness() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Kernels k = args.length > 0 && args[0].equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
        System.out.println(MachineInfo.describe());
        int bs = 256;
        int[][] shapes = {{784, 128}, {128, 784}, {128, 64}, {64, 128}};
        for (int[] sh : shapes) {
            int in = sh[0], out = sh[1];
            float[] x = rnd(bs * in), p = rnd(in * out + out), y = new float[bs * out], dz = rnd(bs * out), dx = new float[bs * in], g = new float[in * out], wt = rnd(in * out);
            double flop = 2.0 * bs * in * out;
            Activation act = out == 784 ? Activation.SIGMOID : Activation.RELU;
            double f = time(() -> k.denseForward(x, 0, p, 0, in * out, y, 0, 0, bs, in, out, act));
            double w = time(() -> k.weightGradient(x, 0, dz, 0, g, 0, bs, in, out, 0, in));
            double b = time(() -> k.denseBackwardInput(dz, 0, wt, 0, x, 0, dx, 0, 0, bs, in, out, Activation.RELU));
            System.out.printf("%4d x %4d -> %4d  forward %6.1f  dW %6.1f  dX %6.1f GFLOP/s%n", bs, in, out, flop / f / 1e9, flop / w / 1e9, flop / b / 1e9);
        }
    }

    static double time(Runnable r) {
        for (int i = 0; i < 300; i++) r.run();
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 7; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 50e9);
        }
        return best;
    }

    static float[] rnd(int n) {
        SplitMix64 r = new SplitMix64(n);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() - 0.5f;
        return a;
    }
}
