package simdae.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.Function2;

/**
 * The task of one training step: each partition returns the gradient of its share of the global mini-batch at the
 * given parameters. The parameters travel inside the task (Spark broadcasts a stage's task binary), about
 * {@code 4 × parameters} bytes per step.
 */
final class GradientStep implements Function2<Integer, Iterator<float[]>, Iterator<GradientStep.Partial>> {
    private static final long serialVersionUID = 1L;

    /** One partition's contribution to a step. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final int rows;
        final double sse;
        final float[] grad;

        Partial(int partition, int rows, double sse, float[] grad) {
            this.partition = partition;
            this.rows = rows;
            this.sse = sse;
            this.grad = grad;
        }
    }

    private final String run;
    private final NetworkSpec spec;
    private final StepPlan plan;
    private final String kernels;
    private final long seed;
    private final float[] params;
    private final int epoch;
    private final int step;

    GradientStep(String run, NetworkSpec spec, StepPlan plan, String kernels, long seed, float[] params, int epoch, int step) {
        this.run = run;
        this.spec = spec;
        this.plan = plan;
        this.kernels = kernels;
        this.seed = seed;
        this.params = params;
        this.epoch = epoch;
        this.step = step;
    }

    @Override
    public Iterator<Partial> call(Integer partition, Iterator<float[]> blocks) {
        int p = partition;
        float[] block = blocks.hasNext() ? blocks.next() : new float[0];
        int from = plan.from(p, step), to = plan.to(p, step);
        if (to <= from) return Collections.singletonList(new Partial(p, 0, 0, null)).iterator();
        PartitionGradient g = PartitionGradient.of(run, p, spec, ExecutorModels.kernels(kernels), plan.counts[p],
                plan.maxShare(p), seed);
        float[] grad = new float[params.length];
        double sse = g.gradient(block, params, epoch, from, to, plan.batchRows(step), grad);
        return Collections.singletonList(new Partial(p, to - from, sse, grad)).iterator();
    }
}
