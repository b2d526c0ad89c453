package simdae.engine.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Activation;

/**
 * Vector API kernels on the preferred species (256-bit on AVX2, 512-bit on AVX-512).
 *
 * <p>All three matrix products are one register-tiled GEMM, {@code C[m][n] = sum_k A(m,k)·B[k][n]}, with B
 * row-major and A addressed through strides, so {@code Xᵀ} needs no copy. On AVX2 the tile is 4 rows × 2 vectors:
 * eight independent FMA chains hide the FMA latency, and the 8 accumulators + 2 B vectors + 1 broadcast fit in the 16
 * registers without spilling on both JDK 17 and 25; on AVX-512 it is 4×4 (see the note on {@code WIDE}). Each element is one FMA chain over k in ascending
 * order, exactly like the scalar reference, so any split of rows across threads gives the same bits.
 *
 * <p>Loaded by name from {@link simdae.engine.kernel.KernelProvider} only when the module is present.
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * 512-bit vectors (AVX-512: 32 registers) use 4×4 tiles: 16 accumulators + 4 B vectors + 1 broadcast = 21
     * registers, so each k step loads 4 B vectors and 4 A scalars for 16 FMAs (the old 3×2 tile loaded 5 for 6 and
     * topped out near 65 % of FMA peak; 4×4 reaches ~80 % on Zen 4 with JDK 17 and 25). Column remainders use 4×2
     * then 4×1 tiles, so no column is left to a latency-bound single chain. Checked on JDK 17.0.15: all of these
     * intrinsify completely (zero allocation per call; an earlier 3×2-era note said the 4×2 stores boxed at 512 bits
     * on JDK 17, which no longer reproduces with the peeled last k step). 256-bit vectors (AVX2, 16 registers) keep
     * 4×2, the largest tile that does not spill there on JDK 17 and 25.
     */
    private static final boolean WIDE = L >= 16;

    // Epilogues fused into the GEMM's store.
    private static final int EPI_NONE = 0;      // C = A·B
    private static final int EPI_BIAS_ACT = 1;  // C = act(A·B + bias)
    private static final int EPI_DERIV = 2;     // C = (A·B) * act'(Y)

    /**
     * Creates the kernels.
     *
     * @throws UnsupportedOperationException when the preferred vector is narrower than 128 bits (no useful SIMD)
     */
    public VectorKernels() {
        if (L < 4) throw new UnsupportedOperationException("preferred vector has " + L + " float lanes; SIMD not worth it");
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int laneWidth() {
        return L;
    }

    @Override
    public void denseForward(float[] x, int xOff, float[] p, int wOff, int bOff, float[] y, int yOff,
                             int r0, int r1, int in, int out, Activation act) {
        gemm(x, xOff, in, 1, p, wOff, out, y, yOff, out, r0, r1, in, out, EPI_BIAS_ACT, p, bOff, act);
    }

    @Override
    public void denseBackwardInput(float[] dz, int dzOff, float[] wt, int wtOff, float[] yPrev, int yPrevOff,
                                   float[] dx, int dxOff, int r0, int r1, int in, int out, Activation prevAct) {
        int epi = prevAct == Activation.LINEAR ? EPI_NONE : EPI_DERIV;
        gemm(dz, dzOff, out, 1, wt, wtOff, in, dx, dxOff, in, r0, r1, out, in, epi, yPrev, yPrevOff, prevAct);
    }

    @Override
    public void weightGradient(float[] x, int xOff, float[] dz, int dzOff, float[] g, int gOff,
                               int rows, int in, int out, int i0, int i1) {
        // A = Xᵀ: element (i, r) sits at x[xOff + r*in + i], i.e. row stride 1, column stride in.
        gemm(x, xOff, 1, in, dz, dzOff, out, g, gOff, out, i0, i1, rows, out, EPI_NONE, null, 0, Activation.LINEAR);
    }

    /**
     * Row-tiled GEMM over C rows [m0, m1). aRs/aCs are A's row and column strides; ldb and ldc are the row strides
     * of B and C. The tiles store raw sums; the epilogue then runs over each finished block of rows while it is still
     * in L1. Keeping the epilogue out of the tiles keeps them small enough for C2 to inline completely, so no vector
     * is ever boxed (a boxed FloatVector costs an allocation and ~100× the time).
     * For EPI_BIAS_ACT {@code e} holds the bias at {@code eOff}; for EPI_DERIV it holds Y laid out like C.
     */
    private static void gemm(float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, int m0, int m1, int k, int n,
                             int epi, float[] e, int eOff, Activation act) {
        int m = m0;
        if (WIDE) {
            // Zero skipping (see SPARSE_MIN_K): looked for only when 4×4 tiles will run, and given up for the rest of
            // the call when the first 4-row block of A turns out dense.
            boolean sparse = n >= 4 * L && k >= SPARSE_MIN_K && m + 4 <= m1;
            int[] idx = sparse ? supportBuffer(k) : null;
            for (; m + 4 <= m1; m += 4) {
                int j = 0;
                if (sparse) {
                    int a0 = aOff + m * aRs;
                    int nnz = support4(a, a0, aRs, aCs, k, idx);
                    if (nnz <= k - k / 8) {
                        for (; j + 4 * L <= n; j += 4 * L) stile4x4(a, a0, aRs, aCs, idx, nnz, b, bOff + j, ldb, c, cOff + m * ldc + j, ldc);
                    } else if (m == m0 && nnz > k - k / 4) {
                        sparse = false;
                    }
                }
                for (; j + 4 * L <= n; j += 4 * L) tile4x4(a, aOff + m * aRs, aRs, aCs, b, bOff + j, ldb, c, cOff + m * ldc + j, ldc, k);
                for (; j + 2 * L <= n; j += 2 * L) tile4x2(a, aOff + m * aRs, aRs, aCs, b, bOff + j, ldb, c, cOff + m * ldc + j, ldc, k);
                for (; j + L <= n; j += L) tile4x1(a, aOff + m * aRs, aRs, aCs, b, bOff + j, ldb, c, cOff + m * ldc + j, ldc, k);
                finishRows(a, aOff, aRs, aCs, b, bOff, ldb, c, cOff, ldc, m, 4, j, k, n, epi, e, eOff, act);
            }
        } else if (m1 - m0 >= PACK_MIN_ROWS && n >= PW) {
            // AVX2: pack B's 2-vector column panels once per call and each 4-row block of A, so the tile's loads
            // index linearly in k and C2 hoists their bounds checks (with strided operands they stay in the loop,
            // and at 256 bits the front end, not the FMA units, was the limit).
            int panels = n / PW, bSize = panels * k * PW;
            float[] buf = buffer(bSize + 4 * k);
            int[] idx = supportBuffer(k);
            packB(b, bOff, ldb, k, panels, buf);
            for (; m + 4 <= m1; m += 4) {
                // Packing A also drops the k steps where its four rows are zero (see SPARSE_MIN_K), for free.
                int nnz = packSparseA(a, aOff + m * aRs, aRs, aCs, k, buf, bSize, idx);
                int c0 = cOff + m * ldc;
                if (nnz > k - k / 8) {
                    // Too few zeros to pay for sptile's indirect B loads, whose bounds checks C2 cannot hoist.
                    if (nnz < k) packA(a, aOff + m * aRs, aRs, aCs, k, buf, bSize);
                    for (int q = 0; q < panels; q++) ptile4x2(buf, bSize, q * k * PW, c, c0 + q * PW, ldc, k);
                } else {
                    for (int q = 0; q < panels; q++) sptile4x2(buf, bSize, idx, nnz, q * k * PW, c, c0 + q * PW, ldc);
                }
                finishRows(a, aOff, aRs, aCs, b, bOff, ldb, c, cOff, ldc, m, 4, panels * PW, k, n, epi, e, eOff, act);
            }
        } else {
            for (; m + 4 <= m1; m += 4) {
                int j = 0;
                for (; j + 2 * L <= n; j += 2 * L) tile4x2(a, aOff + m * aRs, aRs, aCs, b, bOff + j, ldb, c, cOff + m * ldc + j, ldc, k);
                finishRows(a, aOff, aRs, aCs, b, bOff, ldb, c, cOff, ldc, m, 4, j, k, n, epi, e, eOff, act);
            }
        }
        for (; m < m1; m++) {
            int aRow = aOff + m * aRs, cRow = cOff + m * ldc;
            int j = 0;
            if (n >= 4 * L && k >= SPARSE_MIN_K) {
                // One row (batch-1 scoring): reading W dominates, and a zero input needs none of its row of W.
                int[] idx = supportBuffer(k);
                int nnz = support1(a, aRow, aCs, k, idx);
                if (nnz <= k - k / 8) {
                    for (; j + 4 * L <= n; j += 4 * L) stile1x4(a, aRow, aCs, idx, nnz, b, bOff + j, ldb, c, cRow + j);
                }
            }
            for (; j + 4 * L <= n; j += 4 * L) tile1x4(a, aRow, aCs, b, bOff + j, ldb, c, cRow + j, k);
            for (; j + L <= n; j += L) tile1x1(a, aRow, aCs, b, bOff + j, ldb, c, cRow + j, k);
            if (j < n) scalarTail(a, aRow, aCs, b, bOff, ldb, c, cRow, k, j, n);
            if (epi != EPI_NONE) epilogue(c, cRow, n, epi, e, epi == EPI_BIAS_ACT ? eOff : eOff + m * ldc, act);
        }
    }

    /**
     * Skipping zeros of A. MNIST-like inputs are mostly exact zeros (blank pixels), and so are whole stretches of k
     * for four rows at once: the input layer's forward ({@code X·W}, k = pixels) and its weight gradient
     * ({@code Xᵀ·dZ}, k = batch rows, four adjacent pixels) are over a third of a training step's FLOPs, and about
     * half of those steps multiply four zeros. Leaving a step out gives the same bits: a chain that starts at +0 never
     * holds -0 (x + 0 = x, and an exact zero sum rounds to +0), so adding {@code 0·b} changes nothing as long as B is
     * finite (training checks every weight after every step). Finding the steps costs a pass over the 4×k block of A,
     * a few % of the product for 128 output columns, so at 512 bits it is only done for 4×4 tiles and k of at least
     * this; at 256 bits it comes free with packing A.
     */
    private static final int SPARSE_MIN_K = 64;
    private static final ThreadLocal<int[][]> SUPPORT = ThreadLocal.withInitial(() -> new int[1][0]);

    private static int[] supportBuffer(int k) {
        int[][] h = SUPPORT.get();
        if (h[0].length < k) h[0] = new int[k];
        return h[0];
    }

    /** Writes the k steps where any of four rows of A is non-zero (NaN counts) to idx, ascending; returns how many. */
    private static int support4(float[] a, int a0, int aRs, int aCs, int k, int[] idx) {
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs, nnz = 0;
        for (int kk = 0, ak = 0; kk < k; kk++, ak += aCs) {
            idx[nnz] = kk;
            // branch-free: whether a step is kept is close to random for image data
            nnz += (a[a0 + ak] != 0f | a[a1 + ak] != 0f | a[a2 + ak] != 0f | a[a3 + ak] != 0f) ? 1 : 0;
        }
        return nnz;
    }

    /** As support4 for a single row of A. */
    private static int support1(float[] a, int a0, int aCs, int k, int[] idx) {
        int nnz = 0;
        for (int kk = 0, ak = a0; kk < k; kk++, ak += aCs) {
            idx[nnz] = kk;
            nnz += a[ak] != 0f ? 1 : 0;
        }
        return nnz;
    }

    /** tile1x4 over the {@code nnz} steps listed in idx only. */
    private static void stile1x4(float[] a, int a0, int aCs, int[] idx, int nnz, float[] b, int b0, int ldb, float[] c, int c0) {
        FloatVector c0v = FloatVector.zero(S), c1v = c0v, c2v = c0v, c3v = c0v;
        if (nnz == 0) {
            for (int v = 0; v < 4; v++) c0v.intoArray(c, c0 + v * L);
            return;
        }
        int last = nnz - 1;
        for (int t = 0; t < last; t++) {
            int kk = idx[t], bk = b0 + kk * ldb;
            FloatVector av = FloatVector.broadcast(S, a[a0 + kk * aCs]);
            c0v = av.fma(FloatVector.fromArray(S, b, bk), c0v);
            c1v = av.fma(FloatVector.fromArray(S, b, bk + L), c1v);
            c2v = av.fma(FloatVector.fromArray(S, b, bk + 2 * L), c2v);
            c3v = av.fma(FloatVector.fromArray(S, b, bk + 3 * L), c3v);
        }
        int kk = idx[last], bk = b0 + kk * ldb;
        FloatVector av = FloatVector.broadcast(S, a[a0 + kk * aCs]);
        av.fma(FloatVector.fromArray(S, b, bk), c0v).intoArray(c, c0);
        av.fma(FloatVector.fromArray(S, b, bk + L), c1v).intoArray(c, c0 + L);
        av.fma(FloatVector.fromArray(S, b, bk + 2 * L), c2v).intoArray(c, c0 + 2 * L);
        av.fma(FloatVector.fromArray(S, b, bk + 3 * L), c3v).intoArray(c, c0 + 3 * L);
    }

    /** tile4x4 over the {@code nnz} steps listed in idx only (the rest multiply zeros); last step peeled likewise. */
    private static void stile4x4(float[] a, int a0, int aRs, int aCs, int[] idx, int nnz, float[] b, int b0, int ldb,
                                 float[] c, int c0, int ldc) {
        if (nnz == 0) {
            FloatVector z = FloatVector.zero(S);
            for (int r = 0; r < 4; r++) {
                for (int v = 0; v < 4; v++) z.intoArray(c, c0 + r * ldc + v * L);
            }
            return;
        }
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int last = nnz - 1;
        for (int t = 0; t < last; t++) {
            int kk = idx[t], ak = kk * aCs, bk = b0 + kk * ldb;
            FloatVector b0v = FloatVector.fromArray(S, b, bk);
            FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
            c00 = av.fma(b0v, c00);
            c01 = av.fma(b1v, c01);
            c02 = av.fma(b2v, c02);
            c03 = av.fma(b3v, c03);
            av = FloatVector.broadcast(S, a[a1 + ak]);
            c10 = av.fma(b0v, c10);
            c11 = av.fma(b1v, c11);
            c12 = av.fma(b2v, c12);
            c13 = av.fma(b3v, c13);
            av = FloatVector.broadcast(S, a[a2 + ak]);
            c20 = av.fma(b0v, c20);
            c21 = av.fma(b1v, c21);
            c22 = av.fma(b2v, c22);
            c23 = av.fma(b3v, c23);
            av = FloatVector.broadcast(S, a[a3 + ak]);
            c30 = av.fma(b0v, c30);
            c31 = av.fma(b1v, c31);
            c32 = av.fma(b2v, c32);
            c33 = av.fma(b3v, c33);
        }
        int kk = idx[last], ak = kk * aCs, bk = b0 + kk * ldb;
        FloatVector b0v = FloatVector.fromArray(S, b, bk);
        FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
        FloatVector b2v = FloatVector.fromArray(S, b, bk + 2 * L);
        FloatVector b3v = FloatVector.fromArray(S, b, bk + 3 * L);
        FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
        av.fma(b0v, c00).intoArray(c, c0);
        av.fma(b1v, c01).intoArray(c, c0 + L);
        av.fma(b2v, c02).intoArray(c, c0 + 2 * L);
        av.fma(b3v, c03).intoArray(c, c0 + 3 * L);
        av = FloatVector.broadcast(S, a[a1 + ak]);
        av.fma(b0v, c10).intoArray(c, c0 + ldc);
        av.fma(b1v, c11).intoArray(c, c0 + ldc + L);
        av.fma(b2v, c12).intoArray(c, c0 + ldc + 2 * L);
        av.fma(b3v, c13).intoArray(c, c0 + ldc + 3 * L);
        av = FloatVector.broadcast(S, a[a2 + ak]);
        av.fma(b0v, c20).intoArray(c, c0 + 2 * ldc);
        av.fma(b1v, c21).intoArray(c, c0 + 2 * ldc + L);
        av.fma(b2v, c22).intoArray(c, c0 + 2 * ldc + 2 * L);
        av.fma(b3v, c23).intoArray(c, c0 + 2 * ldc + 3 * L);
        av = FloatVector.broadcast(S, a[a3 + ak]);
        av.fma(b0v, c30).intoArray(c, c0 + 3 * ldc);
        av.fma(b1v, c31).intoArray(c, c0 + 3 * ldc + L);
        av.fma(b2v, c32).intoArray(c, c0 + 3 * ldc + 2 * L);
        av.fma(b3v, c33).intoArray(c, c0 + 3 * ldc + 3 * L);
    }

    /**
     * 256-bit only: calls over at least this many rows pack B (and each 4-row block of A) into a per-thread buffer.
     * Fewer rows (batch-1 scoring) would spend more on packing B than on the product. At 512 bits packing measured
     * slower (whole epoch 0.82 → 0.93 s on Zen 4): 4×4 tiles already amortise the bounds checks, and copying A costs.
     */
    private static final int PACK_MIN_ROWS = 16;
    /** Width of a packed B panel: the 256-bit tile's two vectors. */
    private static final int PW = 2 * L;
    private static final ThreadLocal<float[][]> PACK = ThreadLocal.withInitial(() -> new float[1][0]);

    /**
     * This thread's packing buffer, grown to at least {@code size} floats ({@code k·n + 4k}, i.e. about one weight
     * matrix). It allocates only when a bigger product comes along, so training allocates nothing after its first
     * batch; each trainer worker thread keeps one for its lifetime.
     */
    private static float[] buffer(int size) {
        float[][] h = PACK.get();
        if (h[0].length < size) h[0] = new float[size];
        return h[0];
    }

    /** B's full 2-vector column panels, each k × 2L contiguous, panel after panel. */
    private static void packB(float[] b, int bOff, int ldb, int k, int panels, float[] buf) {
        int o = 0;
        for (int q = 0; q < panels; q++) {
            for (int kk = 0, bk = bOff + q * PW; kk < k; kk++, bk += ldb) {
                for (int v = 0; v < PW; v += L, o += L) FloatVector.fromArray(S, b, bk + v).intoArray(buf, o);
            }
        }
    }

    /** Four rows of A, interleaved: {@code buf[at + 4·kk + r] = A(r, kk)}. */
    private static void packA(float[] a, int a0, int aRs, int aCs, int k, float[] buf, int at) {
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        for (int kk = 0, ak = 0; kk < k; kk++, ak += aCs, at += 4) {
            buf[at] = a[a0 + ak];
            buf[at + 1] = a[a1 + ak];
            buf[at + 2] = a[a2 + ak];
            buf[at + 3] = a[a3 + ak];
        }
    }

    /**
     * Four rows of A, interleaved, without the k steps where all four are zero: {@code buf[at + 4·t + r] = A(r, idx[t])}
     * for the {@code t < nnz} steps kept, {@code idx} ascending. Returns nnz ({@code k} when nothing was dropped, and
     * then {@code idx} is the identity).
     */
    private static int packSparseA(float[] a, int a0, int aRs, int aCs, int k, float[] buf, int at, int[] idx) {
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs, nnz = 0;
        for (int kk = 0, ak = 0; kk < k; kk++, ak += aCs) {
            float v0 = a[a0 + ak], v1 = a[a1 + ak], v2 = a[a2 + ak], v3 = a[a3 + ak];
            int o = at + 4 * nnz;
            buf[o] = v0;
            buf[o + 1] = v1;
            buf[o + 2] = v2;
            buf[o + 3] = v3;
            idx[nnz] = kk;
            nnz += (v0 != 0f | v1 != 0f | v2 != 0f | v3 != 0f) ? 1 : 0;
        }
        return nnz;
    }

    /** ptile4x2 over the nnz packed steps of A only; B's panel rows are found through idx. */
    private static void sptile4x2(float[] p, int ap, int[] idx, int nnz, int bp, float[] c, int c0, int ldc) {
        if (nnz == 0) {
            FloatVector z = FloatVector.zero(S);
            for (int r = 0; r < 4; r++) {
                z.intoArray(c, c0 + r * ldc);
                z.intoArray(c, c0 + r * ldc + L);
            }
            return;
        }
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int last = nnz - 1;
        for (int t = 0; t < last; t++) {
            int bk = bp + idx[t] * (2 * L), ak = ap + t * 4;
            FloatVector b0v = FloatVector.fromArray(S, p, bk);
            FloatVector b1v = FloatVector.fromArray(S, p, bk + L);
            FloatVector av = FloatVector.broadcast(S, p[ak]);
            c00 = av.fma(b0v, c00);
            c01 = av.fma(b1v, c01);
            av = FloatVector.broadcast(S, p[ak + 1]);
            c10 = av.fma(b0v, c10);
            c11 = av.fma(b1v, c11);
            av = FloatVector.broadcast(S, p[ak + 2]);
            c20 = av.fma(b0v, c20);
            c21 = av.fma(b1v, c21);
            av = FloatVector.broadcast(S, p[ak + 3]);
            c30 = av.fma(b0v, c30);
            c31 = av.fma(b1v, c31);
        }
        int bk = bp + idx[last] * (2 * L), ak = ap + last * 4;
        FloatVector b0v = FloatVector.fromArray(S, p, bk);
        FloatVector b1v = FloatVector.fromArray(S, p, bk + L);
        FloatVector av = FloatVector.broadcast(S, p[ak]);
        av.fma(b0v, c00).intoArray(c, c0);
        av.fma(b1v, c01).intoArray(c, c0 + L);
        av = FloatVector.broadcast(S, p[ak + 1]);
        av.fma(b0v, c10).intoArray(c, c0 + ldc);
        av.fma(b1v, c11).intoArray(c, c0 + ldc + L);
        av = FloatVector.broadcast(S, p[ak + 2]);
        av.fma(b0v, c20).intoArray(c, c0 + 2 * ldc);
        av.fma(b1v, c21).intoArray(c, c0 + 2 * ldc + L);
        av = FloatVector.broadcast(S, p[ak + 3]);
        av.fma(b0v, c30).intoArray(c, c0 + 3 * ldc);
        av.fma(b1v, c31).intoArray(c, c0 + 3 * ldc + L);
    }

    /** tile4x2 on packed operands: A at {@code ap} (4 per k), B panel at {@code bp} (2L per k). */
    private static void ptile4x2(float[] p, int ap, int bp, float[] c, int c0, int ldc, int k) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int last = k - 1;
        for (int kk = 0; kk < last; kk++) {
            int bk = bp + kk * (2 * L), ak = ap + kk * 4;
            FloatVector b0v = FloatVector.fromArray(S, p, bk);
            FloatVector b1v = FloatVector.fromArray(S, p, bk + L);
            FloatVector av = FloatVector.broadcast(S, p[ak]);
            c00 = av.fma(b0v, c00);
            c01 = av.fma(b1v, c01);
            av = FloatVector.broadcast(S, p[ak + 1]);
            c10 = av.fma(b0v, c10);
            c11 = av.fma(b1v, c11);
            av = FloatVector.broadcast(S, p[ak + 2]);
            c20 = av.fma(b0v, c20);
            c21 = av.fma(b1v, c21);
            av = FloatVector.broadcast(S, p[ak + 3]);
            c30 = av.fma(b0v, c30);
            c31 = av.fma(b1v, c31);
        }
        int bk = bp + last * (2 * L), ak = ap + last * 4;
        FloatVector b0v = FloatVector.fromArray(S, p, bk);
        FloatVector b1v = FloatVector.fromArray(S, p, bk + L);
        FloatVector av = FloatVector.broadcast(S, p[ak]);
        av.fma(b0v, c00).intoArray(c, c0);
        av.fma(b1v, c01).intoArray(c, c0 + L);
        av = FloatVector.broadcast(S, p[ak + 1]);
        av.fma(b0v, c10).intoArray(c, c0 + ldc);
        av.fma(b1v, c11).intoArray(c, c0 + ldc + L);
        av = FloatVector.broadcast(S, p[ak + 2]);
        av.fma(b0v, c20).intoArray(c, c0 + 2 * ldc);
        av.fma(b1v, c21).intoArray(c, c0 + 2 * ldc + L);
        av = FloatVector.broadcast(S, p[ak + 3]);
        av.fma(b0v, c30).intoArray(c, c0 + 3 * ldc);
        av.fma(b1v, c31).intoArray(c, c0 + 3 * ldc + L);
    }

    /** Columns from {@code j} on of rows {@code [m, m+rows)} (past the 2-vector tiles), then their epilogue. */
    private static void finishRows(float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int ldb,
                                   float[] c, int cOff, int ldc, int m, int rows, int j, int k, int n,
                                   int epi, float[] e, int eOff, Activation act) {
        for (; j + L <= n; j += L) {
            for (int r = 0; r < rows; r++) tile1x1(a, aOff + (m + r) * aRs, aCs, b, bOff + j, ldb, c, cOff + (m + r) * ldc + j, k);
        }
        if (j < n) {
            for (int r = 0; r < rows; r++) scalarTail(a, aOff + (m + r) * aRs, aCs, b, bOff, ldb, c, cOff + (m + r) * ldc, k, j, n);
        }
        if (epi != EPI_NONE) {
            for (int r = 0; r < rows; r++) epilogue(c, cOff + (m + r) * ldc, n, epi, e, epi == EPI_BIAS_ACT ? eOff : eOff + (m + r) * ldc, act);
        }
    }

    private static void tile4x2(float[] a, int a0, int aRs, int aCs, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc, int k) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int ak = 0, bk = b0;
        for (int kk = 1; kk < k; kk++, ak += aCs, bk += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bk);
            FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
            FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
            c00 = av.fma(b0v, c00);
            c01 = av.fma(b1v, c01);
            av = FloatVector.broadcast(S, a[a1 + ak]);
            c10 = av.fma(b0v, c10);
            c11 = av.fma(b1v, c11);
            av = FloatVector.broadcast(S, a[a2 + ak]);
            c20 = av.fma(b0v, c20);
            c21 = av.fma(b1v, c21);
            av = FloatVector.broadcast(S, a[a3 + ak]);
            c30 = av.fma(b0v, c30);
            c31 = av.fma(b1v, c31);
        }
        // The last k step stores its FMA results directly. Storing the loop's accumulators instead makes JDK 17's
        // C2 lose their exact vector class at the loop exit, so the store is not intrinsified and boxes (megabytes
        // of garbage per training step).
        FloatVector b0v = FloatVector.fromArray(S, b, bk);
        FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
        FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
        av.fma(b0v, c00).intoArray(c, c0);
        av.fma(b1v, c01).intoArray(c, c0 + L);
        av = FloatVector.broadcast(S, a[a1 + ak]);
        av.fma(b0v, c10).intoArray(c, c0 + ldc);
        av.fma(b1v, c11).intoArray(c, c0 + ldc + L);
        av = FloatVector.broadcast(S, a[a2 + ak]);
        av.fma(b0v, c20).intoArray(c, c0 + 2 * ldc);
        av.fma(b1v, c21).intoArray(c, c0 + 2 * ldc + L);
        av = FloatVector.broadcast(S, a[a3 + ak]);
        av.fma(b0v, c30).intoArray(c, c0 + 3 * ldc);
        av.fma(b1v, c31).intoArray(c, c0 + 3 * ldc + L);
    }

    /** 4 rows × 4 vectors, the 512-bit main tile; last k step peeled as in tile4x2. */
    private static void tile4x4(float[] a, int a0, int aRs, int aCs, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc, int k) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int ak = 0, bk = b0;
        for (int kk = 1; kk < k; kk++, ak += aCs, bk += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bk);
            FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
            c00 = av.fma(b0v, c00);
            c01 = av.fma(b1v, c01);
            c02 = av.fma(b2v, c02);
            c03 = av.fma(b3v, c03);
            av = FloatVector.broadcast(S, a[a1 + ak]);
            c10 = av.fma(b0v, c10);
            c11 = av.fma(b1v, c11);
            c12 = av.fma(b2v, c12);
            c13 = av.fma(b3v, c13);
            av = FloatVector.broadcast(S, a[a2 + ak]);
            c20 = av.fma(b0v, c20);
            c21 = av.fma(b1v, c21);
            c22 = av.fma(b2v, c22);
            c23 = av.fma(b3v, c23);
            av = FloatVector.broadcast(S, a[a3 + ak]);
            c30 = av.fma(b0v, c30);
            c31 = av.fma(b1v, c31);
            c32 = av.fma(b2v, c32);
            c33 = av.fma(b3v, c33);
        }
        FloatVector b0v = FloatVector.fromArray(S, b, bk);
        FloatVector b1v = FloatVector.fromArray(S, b, bk + L);
        FloatVector b2v = FloatVector.fromArray(S, b, bk + 2 * L);
        FloatVector b3v = FloatVector.fromArray(S, b, bk + 3 * L);
        FloatVector av = FloatVector.broadcast(S, a[a0 + ak]);
        av.fma(b0v, c00).intoArray(c, c0);
        av.fma(b1v, c01).intoArray(c, c0 + L);
        av.fma(b2v, c02).intoArray(c, c0 + 2 * L);
        av.fma(b3v, c03).intoArray(c, c0 + 3 * L);
        av = FloatVector.broadcast(S, a[a1 + ak]);
        av.fma(b0v, c10).intoArray(c, c0 + ldc);
        av.fma(b1v, c11).intoArray(c, c0 + ldc + L);
        av.fma(b2v, c12).intoArray(c, c0 + ldc + 2 * L);
        av.fma(b3v, c13).intoArray(c, c0 + ldc + 3 * L);
        av = FloatVector.broadcast(S, a[a2 + ak]);
        av.fma(b0v, c20).intoArray(c, c0 + 2 * ldc);
        av.fma(b1v, c21).intoArray(c, c0 + 2 * ldc + L);
        av.fma(b2v, c22).intoArray(c, c0 + 2 * ldc + 2 * L);
        av.fma(b3v, c23).intoArray(c, c0 + 2 * ldc + 3 * L);
        av = FloatVector.broadcast(S, a[a3 + ak]);
        av.fma(b0v, c30).intoArray(c, c0 + 3 * ldc);
        av.fma(b1v, c31).intoArray(c, c0 + 3 * ldc + L);
        av.fma(b2v, c32).intoArray(c, c0 + 3 * ldc + 2 * L);
        av.fma(b3v, c33).intoArray(c, c0 + 3 * ldc + 3 * L);
    }

    private static void tile4x1(float[] a, int a0, int aRs, int aCs, float[] b, int b0, int ldb,
                                float[] c, int c0, int ldc, int k) {
        FloatVector c0v = FloatVector.zero(S), c1v = c0v, c2v = c0v, c3v = c0v;
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int ak = 0, bk = b0;
        for (int kk = 1; kk < k; kk++, ak += aCs, bk += ldb) {
            FloatVector bv = FloatVector.fromArray(S, b, bk);
            c0v = FloatVector.broadcast(S, a[a0 + ak]).fma(bv, c0v);
            c1v = FloatVector.broadcast(S, a[a1 + ak]).fma(bv, c1v);
            c2v = FloatVector.broadcast(S, a[a2 + ak]).fma(bv, c2v);
            c3v = FloatVector.broadcast(S, a[a3 + ak]).fma(bv, c3v);
        }
        FloatVector bv = FloatVector.fromArray(S, b, bk);
        FloatVector.broadcast(S, a[a0 + ak]).fma(bv, c0v).intoArray(c, c0);
        FloatVector.broadcast(S, a[a1 + ak]).fma(bv, c1v).intoArray(c, c0 + ldc);
        FloatVector.broadcast(S, a[a2 + ak]).fma(bv, c2v).intoArray(c, c0 + 2 * ldc);
        FloatVector.broadcast(S, a[a3 + ak]).fma(bv, c3v).intoArray(c, c0 + 3 * ldc);
    }

    // One row, four vectors: batch-1 inference lives here, so keep four chains in flight.
    private static void tile1x4(float[] a, int a0, int aCs, float[] b, int b0, int ldb, float[] c, int c0, int k) {
        FloatVector c0v = FloatVector.zero(S), c1v = c0v, c2v = c0v, c3v = c0v;
        int ak = a0, bk = b0;
        for (int kk = 1; kk < k; kk++, ak += aCs, bk += ldb) {
            FloatVector av = FloatVector.broadcast(S, a[ak]);
            c0v = av.fma(FloatVector.fromArray(S, b, bk), c0v);
            c1v = av.fma(FloatVector.fromArray(S, b, bk + L), c1v);
            c2v = av.fma(FloatVector.fromArray(S, b, bk + 2 * L), c2v);
            c3v = av.fma(FloatVector.fromArray(S, b, bk + 3 * L), c3v);
        }
        FloatVector av = FloatVector.broadcast(S, a[ak]);
        av.fma(FloatVector.fromArray(S, b, bk), c0v).intoArray(c, c0);
        av.fma(FloatVector.fromArray(S, b, bk + L), c1v).intoArray(c, c0 + L);
        av.fma(FloatVector.fromArray(S, b, bk + 2 * L), c2v).intoArray(c, c0 + 2 * L);
        av.fma(FloatVector.fromArray(S, b, bk + 3 * L), c3v).intoArray(c, c0 + 3 * L);
    }

    private static void tile1x1(float[] a, int a0, int aCs, float[] b, int b0, int ldb, float[] c, int c0, int k) {
        FloatVector acc = FloatVector.zero(S);
        int ak = a0, bk = b0;
        for (int kk = 1; kk < k; kk++, ak += aCs, bk += ldb) {
            acc = FloatVector.broadcast(S, a[ak]).fma(FloatVector.fromArray(S, b, bk), acc);
        }
        FloatVector.broadcast(S, a[ak]).fma(FloatVector.fromArray(S, b, bk), acc).intoArray(c, c0);
    }

    // Columns past the last full vector: the same FMA chain per element, in scalar form.
    private static void scalarTail(float[] a, int a0, int aCs, float[] b, int bOff, int ldb,
                                   float[] c, int cRow, int k, int j0, int n) {
        for (int j = j0; j < n; j++) {
            float acc = 0f;
            for (int kk = 0, ak = a0, bk = bOff + j; kk < k; kk++, ak += aCs, bk += ldb) acc = Math.fma(a[ak], b[bk], acc);
            c[cRow + j] = acc;
        }
    }

    /**
     * Applies the fused epilogue to one row of C of width n; {@code eRow} is the bias (BIAS_ACT) or Y's row (DERIV).
     * Each vector loop lives in its own small method: one big method holding all of them outgrows C2's inlining
     * budget, and whichever vector op is left un-inlined gets boxed (it allocates on every call).
     */
    private static void epilogue(float[] c, int cRow, int n, int epi, float[] e, int eRow, Activation act) {
        int vecEnd = n - n % L;
        if (epi == EPI_BIAS_ACT) {
            switch (act) {
                case RELU: biasRelu(c, cRow, e, eRow, vecEnd); break;
                // expRow takes its scalar tail too, which makes it too big for C2 to inline (over 325 bytes of
                // bytecode): inlined into the epilogue with the rest, it left JDK 17's C2 short of budget and some
                // vector ops in the compile boxed (KernelAllocationTest). Compiled on its own it stays clean.
                case SIGMOID: expRow(c, cRow, e, eRow, vecEnd, n, act, -1f, 1f); return;
                case TANH: expRow(c, cRow, e, eRow, vecEnd, n, act, 2f, -2f); return;
                default: biasOnly(c, cRow, e, eRow, vecEnd);
            }
            for (int j = vecEnd; j < n; j++) c[cRow + j] = act.apply(c[cRow + j] + e[eRow + j]);
        } else {
            switch (act) {
                case RELU: gateRelu(c, cRow, e, eRow, vecEnd); break;
                case SIGMOID: gateSigmoid(c, cRow, e, eRow, vecEnd); break;
                case TANH: gateTanh(c, cRow, e, eRow, vecEnd); break;
                default: return;
            }
            for (int j = vecEnd; j < n; j++) c[cRow + j] *= act.derivativeFromOutput(e[eRow + j]);
        }
    }

    private static void biasRelu(float[] c, int cRow, float[] b, int bRow, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector.fromArray(S, c, cRow + j).add(FloatVector.fromArray(S, b, bRow + j)).max(0f).intoArray(c, cRow + j);
        }
    }

    private static void biasOnly(float[] c, int cRow, float[] b, int bRow, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector.fromArray(S, c, cRow + j).add(FloatVector.fromArray(S, b, bRow + j)).intoArray(c, cRow + j);
        }
    }

    /**
     * {@code g · [y > 0]} written as {@code g · min(y · MAX, 1)}: ReLU outputs are +0 or positive, so the gate is
     * exactly 0 or 1 for every y above 3e-39. Plain float ops, because JDK 17 does not reliably intrinsify masks
     * (compare/blend) at 512 bits.
     */
    private static void gateRelu(float[] g, int gRow, float[] y, int yRow, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector gate = FloatVector.fromArray(S, y, yRow + j).mul(Float.MAX_VALUE).min(1f);
            FloatVector.fromArray(S, g, gRow + j).mul(gate).intoArray(g, gRow + j);
        }
    }

    private static void gateSigmoid(float[] g, int gRow, float[] y, int yRow, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yRow + j);
            FloatVector.fromArray(S, g, gRow + j).mul(yv.mul(yv.neg().add(1f))).intoArray(g, gRow + j);
        }
    }

    private static void gateTanh(float[] g, int gRow, float[] y, int yRow, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yRow + j);
            FloatVector.fromArray(S, g, gRow + j).mul(yv.mul(yv).neg().add(1f)).intoArray(g, gRow + j);
        }
    }

    /**
     * {@code c[j] = q + 1/(1 + e^(s·(c[j] + bias[j])))·(1 - q)}... in the two forms needed: sigmoid ({@code s = -1},
     * {@code w = 1}: {@code 1/(1 + e^-z)}) and tanh ({@code s = 2}, {@code w = -2}: {@code 1 - 2/(e^{2z} + 1)}),
     * i.e. {@code c = (1 - w·[w < 0]) + w / (e^{s·z} + 1)}, over {@code len} (a multiple of L) elements.
     *
     * <p>e^x is computed here from +, ×, FMA and exponent bits only. {@code lanewise(EXP)} would be as fast once
     * C2 intrinsifies it, but until then a per-lane fallback with different rounding runs, so the same inputs could
     * give different bits at different moments; this is identical in every compilation tier. It is written out in
     * the loop body on purpose: a FloatVector passed to a method C2 does not inline gets boxed, which allocates.
     * Max relative error ≈ 2e-7; below -87.3 it flushes towards 0, above 88.3 it saturates.
     */
    private static void expRow(float[] c, int cRow, float[] bias, int bRow, int len, int width, Activation act, float s, float w) {
        float base = w < 0f ? 1f : 0f;
        for (int j = 0; j < len; j += L) {
            FloatVector x = FloatVector.fromArray(S, c, cRow + j).add(FloatVector.fromArray(S, bias, bRow + j)).mul(s);
            x = x.max(-87.3f).min(88.3f);
            // x = n·ln2 + r, |r| <= ln2/2. Adding and subtracting 1.5·2^23 rounds to nearest (JDK 17 has no FLOOR).
            FloatVector shifted = x.mul(1.44269504f).add(12582912f);
            FloatVector n = shifted.sub(12582912f);
            FloatVector r = n.fma(FloatVector.broadcast(S, -0.693145752f), x);
            r = n.fma(FloatVector.broadcast(S, -1.42860677e-6f), r);
            // Minimax polynomial for e^r on [-ln2/2, ln2/2] (Cephes expf).
            FloatVector p = r.fma(FloatVector.broadcast(S, 1.9875691500e-4f), FloatVector.broadcast(S, 1.3981999507e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
            p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
            p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
            p = p.fma(r.mul(r), r.add(1f));
            // 2^n by writing n + 127 into the exponent bits. The low bits of 1.5·2^23 + n already hold n as an
            // integer (bits = 0x4B400000 + n), which avoids convert(F2I): JDK 17 does not intrinsify it on AVX-512.
            FloatVector pow2 = shifted.reinterpretAsInts().sub(0x4B400000 - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector ex = p.mul(pow2);
            FloatVector.broadcast(S, w).div(ex.add(1f)).add(base).intoArray(c, cRow + j);
        }
        for (int j = len; j < width; j++) c[cRow + j] = act.apply(c[cRow + j] + bias[bRow + j]);
    }

    @Override
    public void biasGradient(float[] dz, int dzOff, float[] g, int gOff, int rows, int out, int o0, int o1) {
        int o = o0;
        for (; o + L <= o1 && rows > 0; o += L) {
            FloatVector acc = FloatVector.zero(S);
            int r = 0;
            for (; r < rows - 1; r++) acc = acc.add(FloatVector.fromArray(S, dz, dzOff + r * out + o));
            acc.add(FloatVector.fromArray(S, dz, dzOff + r * out + o)).intoArray(g, gOff + o); // peeled: see tile4x2
        }
        for (; o < o1; o++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) s += dz[dzOff + r * out + o];
            g[gOff + o] = s;
        }
    }

    @Override
    public void mseBackward(float[] y, int yOff, float[] t, int tOff, float[] dz, int dzOff, double[] rowSse,
                            int r0, int r1, int width, float scale, Activation outAct) {
        int vecEnd = width - width % L;
        for (int r = r0; r < r1; r++) {
            int yb = yOff + r * width, tb = tOff + r * width, zb = dzOff + r * width;
            float sse = sumSquaredDiff(y, yb, t, tb, vecEnd);
            // dz = scale·(y - t), then the output activation's derivative through the same gates as the epilogue.
            // One pass per activation: three vector loops inlined into one compile (difference, then gate) were
            // enough for C2 to leave some vector ops un-intrinsified in some JVMs, and those box on every call.
            switch (outAct) {
                case RELU: diffGateRelu(y, yb, t, tb, dz, zb, vecEnd, scale); break;
                case SIGMOID: diffGateSigmoid(y, yb, t, tb, dz, zb, vecEnd, scale); break;
                case TANH: diffGateTanh(y, yb, t, tb, dz, zb, vecEnd, scale); break;
                default: scaledDiff(y, yb, t, tb, dz, zb, vecEnd, scale);
            }
            for (int j = vecEnd; j < width; j++) {
                float yv = y[yb + j];
                float d = yv - t[tb + j];
                sse = Math.fma(d, d, sse);
                dz[zb + j] = scale * d * outAct.derivativeFromOutput(yv);
            }
            rowSse[r] = sse;
        }
    }

    // scale·(y - t)·f'(y), rounded exactly as scaledDiff followed by the epilogue's gate of the same activation.
    private static void diffGateRelu(float[] y, int yb, float[] t, int tb, float[] dz, int zb, int len, float scale) {
        for (int j = 0; j < len; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yb + j);
            FloatVector d = yv.sub(FloatVector.fromArray(S, t, tb + j)).mul(scale);
            d.mul(yv.mul(Float.MAX_VALUE).min(1f)).intoArray(dz, zb + j);
        }
    }

    private static void diffGateSigmoid(float[] y, int yb, float[] t, int tb, float[] dz, int zb, int len, float scale) {
        for (int j = 0; j < len; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yb + j);
            FloatVector d = yv.sub(FloatVector.fromArray(S, t, tb + j)).mul(scale);
            d.mul(yv.mul(yv.neg().add(1f))).intoArray(dz, zb + j);
        }
    }

    private static void diffGateTanh(float[] y, int yb, float[] t, int tb, float[] dz, int zb, int len, float scale) {
        for (int j = 0; j < len; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yb + j);
            FloatVector d = yv.sub(FloatVector.fromArray(S, t, tb + j)).mul(scale);
            d.mul(yv.mul(yv).neg().add(1f)).intoArray(dz, zb + j);
        }
    }

    private static void scaledDiff(float[] y, int yb, float[] t, int tb, float[] dz, int zb, int len, float scale) {
        for (int j = 0; j < len; j += L) {
            FloatVector.fromArray(S, y, yb + j).sub(FloatVector.fromArray(S, t, tb + j)).mul(scale).intoArray(dz, zb + j);
        }
    }

    @Override
    public void rowMse(float[] y, int yOff, float[] t, int tOff, float[] err, int errOff, int r0, int r1, int width) {
        int vecEnd = width - width % L;
        for (int r = r0; r < r1; r++) {
            int yb = yOff + r * width, tb = tOff + r * width;
            float sse = sumSquaredDiff(y, yb, t, tb, vecEnd);
            for (int j = vecEnd; j < width; j++) {
                float d = y[yb + j] - t[tb + j];
                sse = Math.fma(d, d, sse);
            }
            err[errOff + r] = sse / width;
        }
    }

    /**
     * {@code sum_j (y[yb+j] - t[tb+j])²} over {@code len} (a multiple of L) elements, lanes reduced at the end. The
     * last vector step is peeled so the reduction takes a fresh FMA result (see tile4x2).
     */
    private static float sumSquaredDiff(float[] y, int yb, float[] t, int tb, int len) {
        if (len == 0) return 0f;
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j < len - L; j += L) {
            FloatVector d = FloatVector.fromArray(S, y, yb + j).sub(FloatVector.fromArray(S, t, tb + j));
            acc = d.fma(d, acc);
        }
        FloatVector d = FloatVector.fromArray(S, y, yb + j).sub(FloatVector.fromArray(S, t, tb + j));
        return sumLanes(d.fma(d, acc));
    }

    /**
     * Lane 0 + lane 1 + ... in that order. {@code reduceLanes(ADD)} leaves the order open: JDK 25's C2 adds the lanes
     * as a tree while the interpreter adds them in sequence, so a score would change in its last bit once the method
     * is compiled. A fixed order keeps every score identical whatever the JIT state, thread or JDK (and equal to
     * JDK 17's ordered reduction). L is a constant to C2, so the loop unrolls into plain lane extracts.
     */
    private static float sumLanes(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < L; i++) s += v.lane(i);
        return s;
    }

    @Override
    public boolean allFinite(float[] a, int from, int to) {
        int vecEnd = from + (to - from) / L * L;
        float s = 0f;
        if (vecEnd > from) {
            FloatVector acc = FloatVector.zero(S);
            int i = from;
            for (; i < vecEnd - L; i += L) acc = acc.add(FloatVector.fromArray(S, a, i).mul(0f)); // NaN/Inf → NaN
            s = acc.add(FloatVector.fromArray(S, a, i).mul(0f)).reduceLanes(VectorOperators.ADD); // peeled: see tile4x2
        }
        for (int i = vecEnd; i < to; i++) s += a[i] * 0f;
        return s == 0f;
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float lrT, float b1, float b2, float eps) {
        float c1 = 1f - b1, c2 = 1f - b2;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector step = mv.mul(lrT).div(vv.sqrt().add(eps));
            FloatVector.fromArray(S, p, i).sub(step).intoArray(p, i);
        }
        for (; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= lrT * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
