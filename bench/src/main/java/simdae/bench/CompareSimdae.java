package simdae.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import simdae.cli.MachineInfo;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Preprocessing;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;
import simdae.engine.parallel.WorkerPool;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.Trainer;
import simdae.engine.train.TrainingListener;

/**
 * simdae's side of the comparison with PyTorch and DJL ({@code bench/compare/run.sh}): the notebook's pipeline on
 * the real MNIST files from the cache, with the engine's Trainer and Scorer, printing the same JSON fields as
 * {@code torch_ae.py} and the DJL peer.
 *
 * <p>784-128-64-32-64-128-784, ReLU/sigmoid, Glorot-uniform, Adam 1e-3/0.9/0.999/1e-7, MSE, batch 256 shuffled every
 * epoch (last partial batch kept), validation on the test set after every epoch (inside the epoch time).
 * Scoring: reconstruction errors of the 10,000 test images in batches of 256 on {@code threads} workers (median of 5
 * passes); batch-1 latency: {@code AnomalyDetector.score(float[784])} on raw pixels, median of 1,000 calls after
 * JIT warm-up.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar simdae.bench.CompareSimdae
 * [--epochs 10] [--threads N] [--train-limit N]}
 */
public final class CompareSimdae {
    private CompareSimdae() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        int epochs = 10, threads = Runtime.getRuntime().availableProcessors(), limit = 0;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--epochs": epochs = Integer.parseInt(args[++a]); break;
                case "--threads": threads = Integer.parseInt(args[++a]); break;
                case "--train-limit": limit = Integer.parseInt(args[++a]); break;
                default: throw new IllegalArgumentException("unknown argument " + args[a]);
            }
        }
        System.err.println(MachineInfo.describe());
        Preprocessing pre = Preprocessing.divide(255f);
        float[] train = MnistFiles.trainImages();
        float[] testRaw = MnistFiles.testImages();
        int d = 784;
        int n = train.length / d, nTest = testRaw.length / d;
        if (limit > 0 && limit < n) {
            n = limit;
            train = Arrays.copyOf(train, n * d);
        }
        pre.applyInPlace(train, 0, n, d);
        float[] test = testRaw.clone();
        pre.applyInPlace(test, 0, nTest, d);

        Kernels k = KernelProvider.get();
        Network net = Network.autoencoder(d, 128, 64, 32).initGlorot(42);
        TrainConfig cfg = TrainConfig.defaults().withEpochs(epochs).withThreads(threads);
        List<EpochResult> h;
        final int ep = epochs;
        try (Trainer tr = new Trainer(net, cfg, k)) {
            h = tr.fit(train, n, test, nTest, new TrainingListener() {
                @Override
                public void onEpoch(EpochResult r) {
                    System.err.printf("simdae epoch %d/%d: loss %.5f val_loss %.5f %.2fs%n", r.epoch() + 1, ep, r.loss(), r.valLoss(), r.seconds());
                }
            });
        }
        train = null; // let the heap shrink before the RSS-sensitive part is over

        // Scoring throughput: batches of 256 over the 10k test images.
        float[] err = new float[nTest];
        double images;
        try (WorkerPool pool = threads > 1 ? new WorkerPool(threads) : null) {
            for (int w = 0; w < 10; w++) scoreAll(net, k, test, nTest, err, pool);
            double[] passes = new double[5];
            for (int i = 0; i < passes.length; i++) {
                long t0 = System.nanoTime();
                scoreAll(net, k, test, nTest, err, pool);
                passes[i] = (System.nanoTime() - t0) / 1e9;
            }
            images = nTest / median(passes);
        }

        // Batch-1 latency through the public API, on a raw (0–255) image.
        AnomalyDetector det = AnomalyDetector.of(new TrainedModel(net, pre, null, null), k);
        float[] one = Arrays.copyOf(testRaw, d);
        float sink = 0;
        for (int i = 0; i < 20_000; i++) sink += det.score(one);
        double[] lat = new double[1000];
        for (int i = 0; i < lat.length; i++) {
            long t0 = System.nanoTime();
            sink += det.score(one);
            lat[i] = (System.nanoTime() - t0) / 1e3;
        }

        double[] secs = h.stream().mapToDouble(EpochResult::seconds).toArray();
        double[] timed = secs.length > 1 ? Arrays.copyOfRange(secs, 1, secs.length) : secs;
        EpochResult last = h.get(h.size() - 1);
        StringBuilder j = new StringBuilder("{");
        field(j, "tool", simdae.cli.Json.str("simdae"));
        field(j, "version", simdae.cli.Json.str(simdae.engine.Version.get()));
        field(j, "jdk", simdae.cli.Json.str(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        field(j, "kernels", simdae.cli.Json.str(KernelProvider.description()));
        field(j, "threads", Integer.toString(threads));
        field(j, "epochs", Integer.toString(epochs));
        field(j, "train_samples", Integer.toString(n));
        field(j, "seconds_per_epoch", simdae.cli.Json.num(median(timed)));
        field(j, "seconds_per_epoch_note", simdae.cli.Json.str(secs.length > 1 ? "median of epochs 2..n" : "single epoch, includes warm-up"));
        List<String> es = new ArrayList<>();
        for (double s : secs) es.add(simdae.cli.Json.num(s));
        field(j, "epoch_seconds", "[" + String.join(", ", es) + "]");
        field(j, "final_loss", simdae.cli.Json.num(last.loss()));
        field(j, "final_val_loss", simdae.cli.Json.num(last.valLoss()));
        field(j, "score_images_per_s", simdae.cli.Json.num(images));
        field(j, "latency_us_batch1", simdae.cli.Json.num(median(lat)));
        field(j, "peak_rss_mb", simdae.cli.Json.num(vmHwmMb()));
        field(j, "max_heap_mb", simdae.cli.Json.num(Runtime.getRuntime().maxMemory() / 1048576.0));
        field(j, "machine", simdae.cli.Json.str(MachineInfo.describe()));
        j.setLength(j.length() - 2);
        j.append('}');
        System.out.println(j);
        if (sink == 42f) System.err.println(); // keeps the latency loop observable
    }

    private static void scoreAll(Network net, Kernels k, float[] x, int n, float[] err, WorkerPool pool) {
        for (int s = 0; s < n; s += 256) {
            Scorer.errors(net, k, x, s * 784, Math.min(256, n - s), err, s, pool);
        }
    }

    private static void field(StringBuilder j, String k, String v) {
        j.append(simdae.cli.Json.str(k)).append(": ").append(v).append(", ");
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        int m = c.length / 2;
        return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
    }

    /** This process's peak resident set (VmHWM) in MB, or NaN off Linux. */
    static double vmHwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return Double.NaN;
    }
}
