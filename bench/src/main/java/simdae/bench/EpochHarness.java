package simdae.bench;

import java.util.Arrays;
import simdae.cli.MachineInfo;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;
import simdae.engine.train.TrainingListener;
import simdae.engine.util.SplitMix64;

/**
 * Times whole training epochs of the notebook's model (784-128-64-32-64-128-784, batch 256, 60,000 samples,
 * validation on 10,000) on synthetic MNIST-shaped data, for each requested kernel set and thread count, side by
 * side in one JVM. Prints the median seconds per epoch and the GFLOP/s it implies.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar simdae.bench.EpochHarness
 * [epochs=5] [threads=1,2] [kernels=vector,scalar]}
 */
public final class EpochHarness {
    private EpochHarness() {
    }

    /** Matmul FLOPs of one epoch: forward + two backward products per layer per sample, plus validation forward. */
    public static double epochFlops(Network net, int train, int val) {
        double perSample = 0;
        for (int l = 0; l < net.layers(); l++) perSample += 2.0 * net.in(l) * net.out(l);
        // forward, dW, and dX (no dX for the first layer)
        double back = 2 * perSample - 2.0 * net.in(0) * net.out(0);
        return train * (perSample + back) + val * perSample;
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] threads = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {1, 2};
        String[] kernels = args.length > 2 ? args[2].split(",") : new String[] {"vector", "scalar"};
        System.out.println(MachineInfo.describe());
        int n = 60_000, nVal = 10_000, d = 784;
        float[] x = synthetic(n, d, 1), val = synthetic(nVal, d, 2);
        System.out.printf("%-8s %-8s %12s %12s %10s%n", "kernels", "threads", "s/epoch(med)", "GFLOP/s", "val_loss");
        for (String kn : kernels) {
            Kernels k = kn.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
            for (int t : threads) {
                Network net = Network.autoencoder(d, 128, 64, 32).initGlorot(42);
                int e = kn.equals("scalar") ? Math.min(epochs, 2) : epochs;
                TrainConfig cfg = TrainConfig.defaults().withEpochs(e + 1).withThreads(t);
                double[] secs = new double[e];
                double lastVal;
                try (Trainer tr = new Trainer(net, cfg, k)) {
                    java.util.List<EpochResult> h = tr.fit(x, n, val, nVal, TrainingListener.NONE);
                    for (int i = 0; i < e; i++) secs[i] = h.get(i + 1).seconds(); // epoch 0 is warm-up (JIT)
                    lastVal = h.get(h.size() - 1).valLoss();
                }
                Arrays.sort(secs);
                double med = secs[e / 2];
                System.out.printf("%-8s %-8d %12.3f %12.1f %10.5f%n", kn, t, med, epochFlops(net, n, nVal) / med / 1e9, lastVal);
            }
        }
    }

    /** MNIST-like data: sparse-ish values in [0, 1] with some structure, so training behaves realistically. */
    public static float[] synthetic(int n, int d, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        float[] x = new float[n * d];
        for (int s = 0; s < n; s++) {
            int cx = 8 + r.nextInt(12), cy = 8 + r.nextInt(12), rad = 4 + r.nextInt(6);
            for (int i = 0; i < 28; i++) {
                for (int j = 0; j < 28; j++) {
                    int dd = (i - cy) * (i - cy) + (j - cx) * (j - cx);
                    float v = dd < rad * rad ? 1f - (float) dd / (rad * rad) : 0f;
                    x[s * d + i * 28 + j] = v;
                }
            }
        }
        return x;
    }
}
