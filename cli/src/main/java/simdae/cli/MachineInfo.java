package simdae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import simdae.engine.kernel.KernelProvider;

/**
 * The line every benchmark prints first: CPU model, SIMD extensions, cores, JDK and the kernels this JVM chose
 * (which includes the vector width). {@code main} prints it, for scripts.
 */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** CPU model name from /proc/cpuinfo, or os.arch. */
    public static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String flags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) return " " + line.substring(line.indexOf(':') + 1).trim() + " ";
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return "";
    }

    /** True when the CPU reports AVX-512F. */
    public static boolean avx512() {
        return flags().contains(" avx512f ");
    }

    /** The widest x86 SIMD extension the CPU reports: {@code AVX-512}, {@code AVX2}, {@code AVX} or {@code no AVX}. */
    public static String simd() {
        String f = flags();
        if (f.isEmpty()) return System.getProperty("os.arch");
        if (f.contains(" avx512f ")) return "AVX-512" + (f.contains(" avx512_bf16 ") ? "+BF16" : "");
        if (f.contains(" avx2 ")) return "AVX2" + (f.contains(" fma ") ? "+FMA" : "");
        if (f.contains(" avx ")) return "AVX";
        return "no AVX";
    }

    /** One line describing this machine and JVM. */
    public static String describe() {
        return "cpu: " + cpu() + " (" + simd() + ") | cores: " + Runtime.getRuntime().availableProcessors()
                + " | jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " | kernels: " + KernelProvider.description();
    }

    /** A short JDK tag for result folder names, e.g. {@code jdk17}. */
    public static String jdkTag() {
        return "jdk" + Runtime.version().feature();
    }

    /** Prints {@link #describe()}, or with {@code --jdk-tag} just {@link #jdkTag()}. */
    public static void main(String[] args) {
        System.out.println(args.length > 0 && args[0].equals("--jdk-tag") ? jdkTag() : describe());
    }
}
