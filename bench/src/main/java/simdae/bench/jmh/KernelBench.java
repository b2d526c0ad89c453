package simdae.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Activation;

/**
 * The three matrix kernels of training at the notebook's layer shapes, Vector API vs scalar, one thread:
 * <ul>
 *   <li>{@code forward}: {@code act(X·W + b)} fused, with the layer's own activation (ReLU, sigmoid for 128→784);</li>
 *   <li>{@code weightGradient}: {@code dW = Xᵀ·dZ} over all weight rows;</li>
 *   <li>{@code backwardInput}: {@code dX = (dZ·Wᵀ) ⊙ relu'(X)}.</li>
 * </ul>
 * Each does {@code 2·batch·in·out} FLOP (the {@code flops} counter), so GFLOP/s is that over the time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Thread)
public class KernelBench {
    /** Kernel set. */
    @Param({"vector", "scalar"})
    public String kernels;

    /** Layer {@code in x out}: the notebook's six layers. */
    @Param({"784x128", "128x64", "64x32", "32x64", "64x128", "128x784"})
    public String layer;

    /** Rows per call: single-sample scoring, a small batch, the training batch. */
    @Param({"1", "32", "256"})
    public int batch;

    private Kernels k;
    private int in;
    private int out;
    private long flop;
    private Activation act;
    private float[] x;
    private float[] p;
    private float[] y;
    private float[] dz;
    private float[] wt;
    private float[] dx;
    private float[] g;

    /** Allocates and fills the operands. */
    @Setup(Level.Trial)
    public void setup() {
        Support.printMachineOnce();
        k = Support.kernels(kernels);
        String[] s = layer.split("x");
        in = Integer.parseInt(s[0]);
        out = Integer.parseInt(s[1]);
        act = out == 784 ? Activation.SIGMOID : Activation.RELU;
        flop = 2L * batch * in * out;
        x = Support.random(batch * in, 1);
        p = Support.random(in * out + out, 2);
        y = new float[batch * out];
        dz = Support.random(batch * out, 3);
        wt = Support.random(out * in, 4);
        dx = new float[batch * in];
        g = new float[in * out];
    }

    /** Dense forward with bias and the layer's activation fused (sigmoid for 128→784, else ReLU). */
    @Benchmark
    public float[] forward(Flops c) {
        k.denseForward(x, 0, p, 0, in * out, y, 0, 0, batch, in, out, act);
        c.flops += flop;
        return y;
    }

    /** {@code dW = Xᵀ·dZ}. */
    @Benchmark
    public float[] weightGradient(Flops c) {
        k.weightGradient(x, 0, dz, 0, g, 0, batch, in, out, 0, in);
        c.flops += flop;
        return g;
    }

    /** {@code dX = (dZ·Wᵀ) ⊙ relu'(X)}. */
    @Benchmark
    public float[] backwardInput(Flops c) {
        k.denseBackwardInput(dz, 0, wt, 0, x, 0, dx, 0, 0, batch, in, out, Activation.RELU);
        c.flops += flop;
        return dx;
    }
}
