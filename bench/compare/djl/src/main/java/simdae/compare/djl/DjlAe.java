package simdae.compare.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The notebook's MNIST autoencoder on DJL with the PyTorch (libtorch) engine, for the side-by-side comparison; same
 * network, initialisation, optimizer, loss, batches and JSON fields as {@code torch_ae.py} and simdae's
 * {@code CompareSimdae}.
 *
 * <p>784-128-64-32-64-128-784, ReLU hidden, sigmoid out; weights Glorot-uniform (Xavier uniform, average fan,
 * magnitude 3: limit {@code sqrt(6/(in+out))}), biases zero; Adam lr 1e-3, β 0.9/0.999, ε 1e-7; plain MSE
 * ({@code L2Loss} with weight 1, not DJL's default ½); batch 256 reshuffled every epoch, last partial batch kept;
 * validation on the test set after every epoch, inside the epoch time.
 *
 * <p>Inference (validation, scoring, latency) goes through {@code Trainer.evaluate}: the block's forward with
 * training off, outside any gradient collector (DJL's PyTorch engine records no graph there).
 *
 * <p>Run: {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=N -Dai.djl.pytorch.num_interop_threads=1
 * -cp 'target/classes:target/lib/*' simdae.compare.djl.DjlAe --epochs 10 --threads N}
 */
public final class DjlAe {
    private static final int[] DIMS = {784, 128, 64, 32, 64, 128, 784};

    private DjlAe() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        int epochs = 10, threads = Runtime.getRuntime().availableProcessors(), limit = 0, batch = 256;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--epochs": epochs = Integer.parseInt(args[++a]); break;
                case "--threads": threads = Integer.parseInt(args[++a]); break;
                case "--train-limit": limit = Integer.parseInt(args[++a]); break;
                default: throw new IllegalArgumentException("unknown argument " + args[a]);
            }
        }
        float[] train = images(mnistDir().resolve("train-images-idx3-ubyte"));
        float[] test = images(mnistDir().resolve("t10k-images-idx3-ubyte"));
        int d = 784;
        int n = train.length / d, nTest = test.length / d;
        if (limit > 0 && limit < n) n = limit;

        Engine engine = Engine.getEngine("PyTorch");
        // The system properties are the supported switch; set them again explicitly so the run cannot differ.
        JniUtils.setNumThreads(threads);
        int libtorchThreads = JniUtils.getNumThreads();
        int interop = JniUtils.getNumInteropThreads();

        SequentialBlock block = new SequentialBlock();
        for (int l = 0; l + 1 < DIMS.length; l++) {
            block.add(Linear.builder().setUnits(DIMS[l + 1]).build());
            block.add(l + 2 == DIMS.length ? Activation.sigmoidBlock() : Activation.reluBlock());
        }
        Loss mse = new L2Loss("mse", 1f);
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(mse)
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f), Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-7f).build());

        List<Double> secs = new ArrayList<>();
        double lastLoss = Double.NaN, lastVal = Double.NaN, images, latency;
        float glorotCheck;
        try (Model model = Model.newInstance("ae", "PyTorch"); NDManager root = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(block);
            NDArray xTrain = root.create(Arrays.copyOf(train, n * d), new Shape(n, d)).div(255f);
            NDArray xTest = root.create(test, new Shape(nTest, d)).div(255f);
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(batch, d));
                glorotCheck = block.getChildren().get(0).getValue().getParameters().get(0).getValue().getArray().abs().max().getFloat();
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) perm[i] = i;
                Random rng = new Random(42);
                for (int e = 0; e < epochs; e++) {
                    long t0 = System.nanoTime();
                    shuffle(perm, rng);
                    double sse = 0;
                    for (int s = 0; s < n; s += batch) {
                        int rows = Math.min(batch, n - s);
                        try (NDManager bm = root.newSubManager()) {
                            NDArray idx = bm.create(Arrays.copyOfRange(perm, s, s + rows));
                            NDArray xb = xTrain.get(idx);
                            xb.attach(bm);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray pred = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = mse.evaluate(new NDList(xb), new NDList(pred));
                                gc.backward(loss);
                                sse += loss.getFloat() * rows;
                            }
                            trainer.step();
                        }
                    }
                    lastVal = validate(trainer, xTest, nTest, root);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    secs.add(sec);
                    lastLoss = sse / n;
                    System.err.printf(Locale.ROOT, "djl epoch %d/%d: loss %.5f val_loss %.5f %.2fs%n", e + 1, epochs, lastLoss, lastVal, sec);
                }
                // Scoring throughput: errors of the 10k test images in batches of 256, median of 5 passes.
                for (int w = 0; w < 3; w++) scoreAll(trainer, xTest, nTest, root);
                double[] passes = new double[5];
                for (int i = 0; i < passes.length; i++) {
                    long t0 = System.nanoTime();
                    scoreAll(trainer, xTest, nTest, root);
                    passes[i] = (System.nanoTime() - t0) / 1e9;
                }
                images = nTest / median(passes);
                // Batch-1 latency: one image in, its error out as a float; median of 1000 after 2000 warm-up calls.
                float[] one = Arrays.copyOf(test, d);
                double[] lat = new double[1000];
                float sink = 0;
                for (int i = 0; i < 2000 + lat.length; i++) {
                    long t0 = System.nanoTime();
                    try (NDManager bm = root.newSubManager()) {
                        NDArray x = bm.create(one, new Shape(1, d)).div(255f);
                        NDArray y = trainer.evaluate(new NDList(x)).singletonOrThrow();
                        sink += y.sub(x).square().mean().getFloat();
                    }
                    if (i >= 2000) lat[i - 2000] = (System.nanoTime() - t0) / 1e3;
                }
                latency = median(lat);
                if (sink == 42f) System.err.println();
            }
        }
        double[] s = secs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] timed = s.length > 1 ? Arrays.copyOfRange(s, 1, s.length) : s;
        StringBuilder j = new StringBuilder("{");
        field(j, "tool", q("djl"));
        field(j, "version", q(engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")"));
        field(j, "jdk", q(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        field(j, "threads", Integer.toString(libtorchThreads));
        field(j, "interop_threads", Integer.toString(interop));
        field(j, "epochs", Integer.toString(epochs));
        field(j, "train_samples", Integer.toString(n));
        field(j, "seconds_per_epoch", num(median(timed)));
        field(j, "seconds_per_epoch_note", q(s.length > 1 ? "median of epochs 2..n" : "single epoch, includes warm-up"));
        StringBuilder es = new StringBuilder("[");
        for (double v : s) es.append(es.length() > 1 ? ", " : "").append(num(v));
        field(j, "epoch_seconds", es + "]");
        field(j, "final_loss", num(lastLoss));
        field(j, "final_val_loss", num(lastVal));
        field(j, "score_images_per_s", num(images));
        field(j, "latency_us_batch1", num(latency));
        field(j, "peak_rss_mb", num(vmHwmMb()));
        field(j, "glorot_max_abs_w0", num(glorotCheck));
        field(j, "glorot_limit_w0", num(Math.sqrt(6.0 / (784 + 128))));
        field(j, "requested_threads", Integer.toString(threads));
        j.setLength(j.length() - 2);
        System.out.println(j.append('}'));
    }

    private static double validate(Trainer trainer, NDArray xTest, int nTest, NDManager root) {
        double total = 0;
        for (int s = 0; s < nTest; s += 256) {
            try (NDManager bm = root.newSubManager()) {
                NDArray xb = xTest.get(s + ":" + Math.min(nTest, s + 256));
                xb.attach(bm);
                NDArray y = trainer.evaluate(new NDList(xb)).singletonOrThrow();
                total += y.sub(xb).square().mean(new int[] {1}).sum().getFloat();
            }
        }
        return total / nTest;
    }

    private static void scoreAll(Trainer trainer, NDArray xTest, int nTest, NDManager root) {
        for (int s = 0; s < nTest; s += 256) {
            try (NDManager bm = root.newSubManager()) {
                NDArray xb = xTest.get(s + ":" + Math.min(nTest, s + 256));
                xb.attach(bm);
                NDArray y = trainer.evaluate(new NDList(xb)).singletonOrThrow();
                y.sub(xb).square().mean(new int[] {1}).toFloatArray();
            }
        }
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[k];
            a[k] = t;
        }
    }

    static Path mnistDir() {
        String home = System.getenv("SIMDAE_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "mnist") : Path.of(System.getProperty("user.home"), ".cache", "simdae", "mnist");
    }

    /** An IDX3 ubyte file (raw or gzip) as floats 0–255. */
    static float[] images(Path p) throws IOException {
        if (!Files.exists(p) && Files.exists(Path.of(p + ".gz"))) p = Path.of(p + ".gz");
        byte[] raw = Files.readAllBytes(p);
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        if (raw.length < 16 || raw[2] != 0x08 || raw[3] != 3) throw new IOException(p + ": not an IDX3 ubyte file");
        long cnt = be(raw, 4) * be(raw, 8) * be(raw, 12);
        if (16 + cnt != raw.length) throw new IOException(p + ": size does not match the header");
        float[] x = new float[(int) cnt];
        for (int i = 0; i < x.length; i++) x[i] = raw[16 + i] & 0xff;
        return x;
    }

    private static long be(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        int m = c.length / 2;
        return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
    }

    static double vmHwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return Double.NaN;
    }

    private static void field(StringBuilder j, String k, String v) {
        j.append(q(k)).append(": ").append(v).append(", ");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
