package simdae.engine.nn;

import simdae.engine.kernel.Kernels;
import simdae.engine.parallel.WorkerPool;

/**
 * Batched inference: reconstructions and per-sample reconstruction errors.
 *
 * <p>Stateless: every call takes its scratch from its own arguments or allocates it, so one network can be scored
 * from many threads at once as long as nobody trains it meanwhile.
 */
public final class Scorer {
    /** Rows pushed through the layers together; big enough for the register tiles, small enough to stay in L2. */
    static final int CHUNK = 64;

    private Scorer() {
    }

    /** Scratch for {@link #errors} and {@link #reconstruct} on one thread. */
    public static final class Scratch {
        final float[] a;
        final float[] b;
        final int rows;

        /** Scratch for chunks of up to {@code rows} rows of {@code net}. */
        public Scratch(Network net, int rows) {
            this.rows = Math.max(1, rows);
            a = new float[this.rows * net.maxWidth()];
            b = new float[this.rows * net.maxWidth()];
        }
    }

    /**
     * Writes the network's output for {@code rows} inputs at {@code x[xOff..]} to {@code y[yOff..]}.
     */
    public static void reconstruct(Network net, Kernels k, float[] x, int xOff, int rows, float[] y, int yOff) {
        Scratch s = new Scratch(net, Math.min(rows, CHUNK));
        for (int start = 0; start < rows; start += s.rows) {
            int n = Math.min(s.rows, rows - start);
            float[] out = forwardChunk(net, k, x, xOff + start * net.inputSize(), n, s);
            System.arraycopy(out, 0, y, yOff + start * net.outputSize(), n * net.outputSize());
        }
    }

    /**
     * Per-sample reconstruction error {@code mean((x - x̂)²)} of {@code rows} inputs at {@code x[xOff..]} into
     * {@code err[errOff..]}, on the calling thread.
     */
    public static void errors(Network net, Kernels k, float[] x, int xOff, int rows, float[] err, int errOff) {
        errors(net, k, x, xOff, rows, err, errOff, new Scratch(net, Math.min(rows, CHUNK)));
    }

    /** As {@link #errors(Network, Kernels, float[], int, int, float[], int)} with caller-owned scratch. */
    public static void errors(Network net, Kernels k, float[] x, int xOff, int rows, float[] err, int errOff, Scratch s) {
        requireAutoencoder(net);
        int d = net.inputSize();
        for (int start = 0; start < rows; start += s.rows) {
            int n = Math.min(s.rows, rows - start);
            int off = xOff + start * d;
            float[] out = forwardChunk(net, k, x, off, n, s);
            k.rowMse(out, 0, x, off, err, errOff + start, 0, n, d);
        }
    }

    /**
     * As {@link #errors(Network, Kernels, float[], int, int, float[], int)}, rows split across a pool's threads. For
     * the project's own tools on the class path: {@code WorkerPool} is not exported from the module.
     */
    @SuppressWarnings("exports")
    public static void errors(Network net, Kernels k, float[] x, int xOff, int rows, float[] err, int errOff, WorkerPool pool) {
        if (pool == null || pool.threads() == 1 || rows < 2 * CHUNK) {
            errors(net, k, x, xOff, rows, err, errOff);
            return;
        }
        requireAutoencoder(net);
        int d = net.inputSize();
        pool.run((part, parts) -> {
            int r0 = WorkerPool.splitStart(rows, part, parts, CHUNK);
            int r1 = WorkerPool.splitStart(rows, part + 1, parts, CHUNK);
            if (r0 < r1) errors(net, k, x, xOff + r0 * d, r1 - r0, err, errOff + r0, poolScratch(net));
        });
    }

    /**
     * Scratch kept per thread for the pooled variant: its callers score batch after batch on the same long-lived
     * threads, and a fresh 2 × CHUNK-row scratch per call (400 KB for a 784-wide model) cost allocation, zeroing and
     * the cache it evicts on every batch. Plain calls stay allocation-only, so threads that score once keep nothing.
     */
    private static final ThreadLocal<Scratch> POOL_SCRATCH = new ThreadLocal<>();

    private static Scratch poolScratch(Network net) {
        Scratch s = POOL_SCRATCH.get();
        if (s == null || s.a.length < CHUNK * net.maxWidth()) {
            s = new Scratch(net, CHUNK);
            POOL_SCRATCH.set(s);
        }
        return s;
    }

    private static float[] forwardChunk(Network net, Kernels k, float[] x, int xOff, int n, Scratch s) {
        float[] params = net.params();
        float[] src = x, dst = s.a;
        int srcOff = xOff;
        for (int l = 0; l < net.layers(); l++) {
            k.denseForward(src, srcOff, params, net.weightOffset(l), net.biasOffset(l), dst, 0, 0, n, net.in(l), net.out(l), net.activation(l));
            src = dst;
            srcOff = 0;
            dst = dst == s.a ? s.b : s.a;
        }
        return src;
    }

    private static void requireAutoencoder(Network net) {
        if (net.inputSize() != net.outputSize()) {
            throw new IllegalArgumentException("reconstruction error needs output width = input width, network is " + net.describe());
        }
    }
}
