package simdae.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import simdae.engine.nn.Activation;
import simdae.engine.util.SplitMix64;

/**
 * The Vector kernels allocate nothing once compiled, when one JVM runs all of a training step's products at the
 * notebook's shapes. Each kind of call alone stayed clean; the three together once made JDK 17's C2 compile the
 * sigmoid epilogue short of its inlining budget, and every vector op left as a call boxed (~640 KB per step).
 *
 * <p>Runs in fresh child JVMs: what C2 does depends on everything the JVM compiled before, and in the test runner's
 * JVM (JUnit warmed up, other tests run) the bad compile never happened. JDK 25's C2 did not show it at all.
 */
class KernelAllocationTest {

    @Test
    void aTrainingStepsMixOfProductsAllocatesNothingOnceCompiledInAFreshJvm() throws Exception {
        // Two fresh JVMs: with the old kernels about one plain JVM in three compiled badly, so one run alone would
        // miss a regression too often.
        for (int run = 0; run < 2; run++) {
            long perStep = bytesPerStepInChild();
            assertTrue(perStep < 16, "the kernels allocated " + perStep + " bytes per step (a vector op left un-intrinsified boxes)");
        }
    }

    private static long bytesPerStepInChild() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), KernelAllocationTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, p.exitValue(), out);
        String last = out.substring(out.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("bytes per step: "), out);
        return Long.parseLong(last.substring("bytes per step: ".length()));
    }

    /** The child: prints the bytes allocated per step once a round of steps allocates nothing (or after 10 rounds). */
    public static void main(String[] args) {
        Kernels k = KernelProvider.vector();
        int b = 256;
        int[] dims = {784, 128, 64, 32, 64, 128, 784};
        SplitMix64 r = new SplitMix64(7);
        List<Runnable> step = new ArrayList<>();
        for (int l = 0; l + 1 < dims.length; l++) {
            int in = dims[l], out = dims[l + 1];
            float[] x = new float[b * in], dz = new float[b * out], g = new float[in * out], p = new float[in * out + out];
            float[] y = new float[b * out], dx = new float[b * in];
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() < 0.5f ? 0f : r.nextFloat();
            for (int i = 0; i < dz.length; i++) dz[i] = r.nextFloat() - 0.5f;
            for (int i = 0; i < p.length; i++) p[i] = (r.nextFloat() - 0.5f) * 0.1f;
            Activation act = l == dims.length - 2 ? Activation.SIGMOID : Activation.RELU;
            step.add(() -> k.denseForward(x, 0, p, 0, in * out, y, 0, 0, b, in, out, act));
            step.add(() -> k.weightGradient(x, 0, dz, 0, g, 0, b, in, out, 0, in));
            if (l > 0) step.add(() -> k.denseBackwardInput(dz, 0, p, 0, x, 0, dx, 0, 0, b, in, out, Activation.RELU));
        }
        // The shape of this driver matters: the bad compile showed up with a lambda over the list, not with a plain
        // nested loop over an array of the same steps (C2's inlining order follows the call profile).
        Runnable all = () -> {
            for (Runnable op : step) op.run();
        };
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long perStep = Long.MAX_VALUE;
        // Warm up in rounds until a round allocates nothing: C2 needs a few hundred steps (longer on a busy machine).
        for (int round = 0; round < 10 && perStep >= 16; round++) {
            for (int i = 0; i < 300; i++) all.run();
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 50; i++) all.run();
            perStep = (mx.getThreadAllocatedBytes(id) - before) / 50;
        }
        System.out.println("bytes per step: " + perStep);
    }
}
