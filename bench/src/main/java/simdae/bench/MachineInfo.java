package simdae.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import simdae.engine.kernel.KernelProvider;

/** The line every benchmark prints first: CPU model, vector width, JDK, cores. */
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

    /** True when the CPU reports AVX-512F. */
    public static boolean avx512() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
        } catch (Exception e) {
            return false;
        }
    }

    /** One line describing this machine and JVM. */
    public static String describe() {
        return "cpu: " + cpu() + (avx512() ? " (AVX-512)" : " (AVX2)") + " | cores: " + Runtime.getRuntime().availableProcessors()
                + " | jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " | kernels: " + KernelProvider.description();
    }
}
