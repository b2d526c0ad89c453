package simdae.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import simdae.cli.eval.Evaluation;
import simdae.cli.report.ImageGrid;
import simdae.cli.report.LabelledResults;
import simdae.cli.report.ReportInput;
import simdae.cli.report.ReportWriter;
import simdae.engine.AnomalyDetector;
import simdae.engine.data.Dataset;
import simdae.engine.data.Preprocessing;
import simdae.engine.detect.ErrorStats;
import simdae.engine.model.TrainedModel;

/** Gathers what {@code mnist} and {@code report} know about a model and a scored dataset into the report. */
final class ReportStep {
    private ReportStep() {}

    /**
     * Writes the report into {@code dir} and returns its {@code index.html}.
     *
     * @param images originals over reconstructions to show (image data only; 0 for none)
     * @param truth  ground-truth anomaly flags for ROC/PR curves, or null
     */
    static Path write(Path dir, String modelName, TrainedModel m, AnomalyDetector det, Dataset d, Scores s, int images,
                      boolean[] truth) throws IOException {
        ReportInput.Builder b = ReportInput.builder("simdae report: " + d.source(), s.errors, s.threshold)
                .threshold(m.threshold())
                .source(d.source() + " scored by " + modelName)
                .put("model", modelName)
                .put("architecture", m.network().describe())
                .put("parameters", String.format(Locale.ROOT, "%,d", m.network().parameterCount()))
                .put("preprocessing", m.preprocessing().toString())
                .put("kernels", det.kernels().name() + " (" + det.kernels().laneWidth() + " float lanes)")
                .training(m.training());
        ErrorStats c = m.threshold().calibration();
        if (c != null && c.count() > 0) {
            b.put("training errors (threshold calibration)", String.format(Locale.ROOT, "n %d, mean %.6f, std %.6f, median %.6f, p95 %.6f, p99 %.6f, max %.6f",
                    c.count(), c.mean(), c.std(), c.p50(), c.p95(), c.p99(), c.max()));
        }
        if (d.isImage() && images > 0) b.images(grid(det, d, s, images));
        if (d.hasLabels()) b.labels(d.labels(), Labels.names(d));
        if (truth != null) b.evaluation(LabelledResults.of(Evaluation.of(s.errors, truth), s.threshold));
        ReportWriter.write(b.build(), dir);
        return dir.resolve(ReportWriter.INDEX);
    }

    /** The first {@code n} images in the network's [0, 1] space (the model's own scaling) and their reconstructions. */
    private static ImageGrid grid(AnomalyDetector det, Dataset d, Scores s, int n) {
        int shown = Math.min(n, d.n()), dim = d.d();
        Preprocessing pre = det.model().preprocessing();
        float[] orig = new float[shown * dim], rec = new float[shown * dim];
        boolean[] flags = new boolean[shown];
        for (int i = 0; i < shown; i++) {
            float[] raw = d.row(i);
            float[] x = pre.apply(raw);
            for (int j = 0; j < dim; j++) orig[i * dim + j] = Math.max(0f, Math.min(1f, x[j]));
            System.arraycopy(det.reconstruct(raw), 0, rec, i * dim, dim);
            flags[i] = s.flagged(i);
        }
        return new ImageGrid(orig, rec, d.rows(), d.cols(), flags, shown);
    }
}
