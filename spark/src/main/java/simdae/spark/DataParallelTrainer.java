package simdae.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import simdae.engine.kernel.Kernels;
import simdae.engine.nn.Network;
import simdae.engine.train.EpochResult;
import simdae.engine.train.TrainConfig;
import simdae.engine.train.TrainingDivergedException;

/**
 * Synchronous data-parallel training by gradient aggregation, the scheme of MLlib's own optimizers: for every
 * mini-batch, each partition computes the gradient of its share at the current parameters (one Spark job), the driver
 * adds the partials in partition order and takes one Adam step with the engine's kernels.
 *
 * <p>Why this scheme: the update sequence is that of single-JVM training with the same batch size — one optimizer,
 * one set of Adam moments, the same number of steps per epoch — so convergence per epoch, hyper-parameters and final
 * quality carry over unchanged, and with one partition the result is exactly the engine's. Adding the partials in
 * partition order (not in task-completion order, as {@code treeAggregate} would) makes the model a function of the
 * seed and the partitioning alone.
 *
 * <p>Its cost is one synchronisation per mini-batch: per epoch {@code ceil(n / batchSize)} jobs, each moving the
 * parameters to every partition and one gradient back ({@code 2 × 4 × parameters × partitions} bytes). Parameter
 * averaging every N local steps (Deeplearning4j, Elephas) divides that by N but averages N independent Adam
 * trajectories, which converges more slowly per epoch as N and the partition count grow.
 */
final class DataParallelTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(DataParallelTrainer.class);

    private final TrainingBlocks data;
    private final NetworkSpec spec;
    private final TrainConfig cfg;
    private final Kernels driverKernels;
    private final String executorKernels;
    private final List<EpochResult> history = new ArrayList<>();

    DataParallelTrainer(TrainingBlocks data, NetworkSpec spec, TrainConfig cfg, Kernels driverKernels, String executorKernels) {
        this.data = data;
        this.spec = spec;
        this.cfg = cfg;
        this.driverKernels = driverKernels;
        this.executorKernels = executorKernels;
    }

    /** Trains {@code net} in place for the configured epochs and returns the per-epoch results. */
    List<EpochResult> fit(Network net) {
        String run = UUID.randomUUID().toString();
        StepPlan plan = new StepPlan(data.counts, cfg.batchSize());
        float[] params = net.params();
        int n = params.length;
        float[] grad = new float[n], m = new float[n], v = new float[n];
        int outW = net.outputSize();
        long step = 0;
        try {
            for (int e = 0; e < cfg.epochs(); e++) {
                long t0 = System.nanoTime();
                double sse = 0;
                for (int s = 0; s < plan.steps; s++) {
                    if (plan.batchRows(s) == 0) continue;
                    GradientStep task = new GradientStep(run, spec, plan, executorKernels, cfg.seed(), params, e, s);
                    List<GradientStep.Partial> parts = data.rdd.mapPartitionsWithIndex(task, false).collect();
                    boolean first = true;
                    for (GradientStep.Partial p : parts) { // collect() keeps partition order: a fixed summation order
                        if (p.grad == null) continue;
                        if (first) System.arraycopy(p.grad, 0, grad, 0, n);
                        else for (int i = 0; i < n; i++) grad[i] += p.grad[i];
                        first = false;
                        sse += p.sse;
                    }
                    step++;
                    adam(net, params, grad, m, v, step);
                    if (!Double.isFinite(sse)) throw new TrainingDivergedException(e, s, "loss is " + sse);
                    if (!driverKernels.allFinite(params, 0, n)) throw new TrainingDivergedException(e, s, "a weight became NaN or infinite");
                }
                EpochResult r = new EpochResult(e, cfg.epochs(), sse / ((double) data.rows * outW), Double.NaN,
                        (System.nanoTime() - t0) / 1e9, (int) Math.min(Integer.MAX_VALUE, data.rows));
                history.add(r);
                LOG.info("simdae epoch {}/{}: loss {} in {} s over {} partitions", e + 1, cfg.epochs(), r.loss(), r.seconds(), data.partitions());
            }
        } finally {
            data.rdd.foreachPartition(it -> PartitionGradient.forget(run));
        }
        return history;
    }

    /**
     * Adam exactly as the engine's trainer applies it (same bias correction, same kernel, same per-layer ranges so
     * the SIMD body/tail split of every element matches).
     */
    private void adam(Network net, float[] p, float[] g, float[] m, float[] v, long step) {
        double b1t = Math.pow(cfg.beta1(), step), b2t = Math.pow(cfg.beta2(), step);
        float lrT = (float) (cfg.learningRate() * Math.sqrt(1 - b2t) / (1 - b1t));
        float b1 = cfg.beta1(), b2 = cfg.beta2(), eps = cfg.epsilon();
        for (int l = 0; l < net.layers(); l++) {
            int w = net.weightOffset(l), b = net.biasOffset(l);
            driverKernels.adam(p, g, m, v, w, w + net.in(l) * net.out(l), lrT, b1, b2, eps);
            driverKernels.adam(p, g, m, v, b, b + net.out(l), lrT, b1, b2, eps);
        }
    }
}
