package simdae.bench.jmh;

import simdae.cli.MachineInfo;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.kernel.Kernels;
import simdae.engine.util.SplitMix64;

/** Helpers shared by the JMH benchmarks. */
public final class Support {
    private static boolean printed;

    private Support() {
    }

    /** {@code "vector"} or {@code "scalar"} to kernels; fails loudly if the Vector API is not resolved. */
    public static Kernels kernels(String name) {
        switch (name) {
            case "vector": return KernelProvider.vector();
            case "scalar": return KernelProvider.scalar();
            default: throw new IllegalArgumentException("kernels must be vector or scalar, got " + name);
        }
    }

    /** A thread-count parameter: a positive number, or {@code max} for every available core. */
    public static int threads(String p) {
        return p.equals("max") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p);
    }

    /** Prints {@link MachineInfo#describe()} once per forked JVM (JMH shows it in the run log). */
    public static synchronized void printMachineOnce() {
        if (!printed) {
            printed = true;
            System.out.println();
            System.out.println("# machine: " + MachineInfo.describe());
        }
    }

    /** Uniform values in [-0.5, 0.5). */
    public static float[] random(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() - 0.5f;
        return a;
    }
}
