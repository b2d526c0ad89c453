package simdae.cli.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simdae.cli.MachineInfo;
import simdae.engine.Version;
import simdae.engine.detect.ErrorStats;
import simdae.engine.detect.Threshold;
import simdae.engine.format.LoadedModel;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.model.TrainedModel;
import simdae.engine.model.TrainingInfo;
import simdae.engine.nn.Network;

/** {@code simdae info}: this JVM and machine; with {@code --model}, a Keras-like summary and the model's header. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the JDK, CPU, kernels in use and threads; with --model, the model's layers, threshold and training record.",
        footer = {"", "Examples:", "  simdae info", "  simdae info --model out/mnist/model.sae"})
public final class InfoCommand extends BaseCommand {
    @Option(names = "--model", paramLabel = "MODEL", description = "A model file to describe.")
    Path model;

    @Override
    public Integer call() throws Exception {
        out().println(machine());
        if (model != null) out().print(describe(ModelStore.load(model), model.toString()));
        return 0;
    }

    /** The run header: version, JDK, CPU, kernels and threads. */
    public static String machine() {
        Kernels k = KernelProvider.get();
        return String.format(Locale.ROOT, "simdae %s%nJDK:     %s (%s)%nCPU:     %s (%s), %d cores%nkernels: %s%nthreads: %d",
                Version.get(), Runtime.version(), System.getProperty("java.vm.name"), MachineInfo.cpu(), MachineInfo.simd(),
                Runtime.getRuntime().availableProcessors(), KernelProvider.description()
                        + (k.name().equals("vector") ? "" : "  (SIMD is off: run java with --add-modules jdk.incubator.vector)"),
                KernelProvider.defaultThreads());
    }

    /** Layers, parameters, header fields and training record of a loaded model. */
    static String describe(LoadedModel lm, String name) {
        TrainedModel m = lm.model();
        Network net = m.network();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nModel: %s (format %s, %s weights, %s)%n", name, lm.version(), lm.dtype(), Sizes.bytes(lm.fileBytes())));
        String rule = "─".repeat(62);
        sb.append(rule).append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s %-14s %-12s %10s%n", "Layer", "Output size", "Activation", "Params"));
        sb.append(rule.replace('─', '═')).append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s %-14s %-12s %10s%n", "input", "(None, " + net.inputSize() + ")", "", "0"));
        for (int l = 0; l < net.layers(); l++) {
            sb.append(String.format(Locale.ROOT, "%-22s %-14s %-12s %,10d%n", "dense_" + l + " (" + net.in(l) + "→" + net.out(l) + ")",
                    "(None, " + net.out(l) + ")", net.activation(l).name().toLowerCase(Locale.ROOT), net.layerParameterCount(l)));
        }
        sb.append(rule).append('\n');
        long p = net.parameterCount();
        sb.append(String.format(Locale.ROOT, "Total params: %,d (%s as f32)%n", p, Sizes.bytes(4 * p)));
        sb.append(rule).append('\n');
        sb.append("preprocessing: ").append(m.preprocessing()).append('\n');
        Threshold t = m.threshold();
        sb.append("threshold:     ").append(t.describe()).append('\n');
        ErrorStats c = t.calibration();
        if (c != null && c.count() > 0) {
            sb.append(String.format(Locale.ROOT, "training errors (%d): mean %.6f  std %.6f  median %.6f  p90 %.6f  p95 %.6f  p99 %.6f  max %.6f%n",
                    c.count(), c.mean(), c.std(), c.p50(), c.p90(), c.p95(), c.p99(), c.max()));
        }
        TrainingInfo ti = m.training();
        if (ti.loss().length > 0) {
            sb.append(String.format(Locale.ROOT, "trained:       %d epochs, batch %d, lr %s, seed %d, %d threads, kernels %s, %d samples, simdae %s, %s%n",
                    ti.epochs(), ti.batchSize(), ti.learningRate(), ti.seed(), ti.threads(), ti.kernels(), ti.trainSamples(),
                    ti.libraryVersion(), Instant.ofEpochMilli(ti.createdEpochMillis())));
            sb.append("curve:         epoch  loss      val_loss  seconds\n");
            for (int e = 0; e < ti.loss().length; e++) {
                sb.append(String.format(Locale.ROOT, "               %5d  %.6f  %s  %.2f%n", e + 1, ti.loss()[e],
                        Double.isNaN(ti.valLoss()[e]) ? "   -    " : String.format(Locale.ROOT, "%.6f", ti.valLoss()[e]), ti.epochSeconds()[e]));
            }
        }
        if (!lm.skippedKeys().isEmpty()) sb.append("unknown optional fields skipped: ").append(lm.skippedKeys()).append('\n');
        return sb.toString();
    }
}
