package simdae.cli.oneclass;

import simdae.cli.eval.Evaluation;
import simdae.cli.eval.GroundTruth;

import simdae.engine.detect.*;

import java.util.ArrayList;
import java.util.List;
import simdae.engine.data.Preprocessing;

/**
 * The one-class protocol (as in Ruff et al.'s Deep SVDD evaluation on MNIST): for each class {@code k} and seed,
 * fit a detector on the training rows labelled {@code k} only, score the whole test set, and measure AUROC with
 * {@code k} normal and every other class anomalous. Works on any {@link LabeledData}; nothing here knows MNIST.
 *
 * <p>The test set is only ever scored, never used to fit the preprocessing, the network, or a score's scales.
 */
public final class OneClassBenchmark {
    private final OneClassRecipe recipe;

    /** A benchmark of {@code recipe}. */
    public OneClassBenchmark(OneClassRecipe recipe) {
        if (recipe == null) throw new IllegalArgumentException("recipe is null");
        this.recipe = recipe;
    }

    /** The recipe. */
    public OneClassRecipe recipe() {
        return recipe;
    }

    /**
     * Runs every (class, seed) pair, classes in the outer loop.
     *
     * @param classes labels to take in turn as the normal class
     * @param seeds seeds per class (at least one)
     * @param listener progress per run, or {@code null}
     * @throws IllegalArgumentException when the feature widths differ, a class has no training rows, or the test
     *                                  set lacks normal or anomalous rows for a class
     */
    public OneClassResult run(LabeledData train, LabeledData test, int[] classes, long[] seeds, BenchmarkListener listener) {
        if (train.d() != test.d()) throw new IllegalArgumentException("train has " + train.d() + " features, test has " + test.d());
        if (classes.length == 0 || seeds.length == 0) throw new IllegalArgumentException("need at least one class and one seed");
        BenchmarkListener l = listener == null ? BenchmarkListener.NONE : listener;
        int total = classes.length * seeds.length;
        List<OneClassRun> all = new ArrayList<>(total);
        List<OneClassSummary> summaries = new ArrayList<>(classes.length);
        double meanAuroc = 0;
        for (int k : classes) {
            List<OneClassRun> runs = new ArrayList<>(seeds.length);
            for (long seed : seeds) {
                OneClassRun r = runOne(train, test, k, seed);
                runs.add(r);
                all.add(r);
                l.onRun(r, all.size(), total);
            }
            OneClassSummary s = OneClassSummary.of(k, train.className(k), runs);
            summaries.add(s);
            meanAuroc += s.meanAuroc() / classes.length;
        }
        return new OneClassResult(recipe, all, summaries, meanAuroc);
    }

    /** One run: class {@code k} normal, one seed. */
    public OneClassRun runOne(LabeledData train, LabeledData test, int k, long seed) {
        long t0 = System.nanoTime();
        int n = train.countLabel(k);
        if (n == 0) throw new IllegalArgumentException("no training rows with label " + k);
        int d = train.d();
        float[] x = train.rowsWithLabel(k);
        float[] tx = java.util.Arrays.copyOf(test.x(), test.n() * d);
        Preprocessing pre = recipe.preprocessing() == Preprocessing.Kind.MINMAX ? Preprocessing.fitMinMax(x, n, d) : Preprocessing.none();
        pre.applyInPlace(x, 0, n, d);
        pre.applyInPlace(tx, 0, test.n(), d);
        AnomalyScore score = recipe.score().fit(recipe, x, n, d, seed);
        float[] s = score.score(tx, test.n());
        Evaluation ev = Evaluation.of(s, GroundTruth.normalClass(test.labelsInUse(), k));
        return new OneClassRun(k, seed, n, ev.auroc(), ev.averagePrecision(), (System.nanoTime() - t0) / 1e9);
    }
}
