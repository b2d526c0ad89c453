package simdae.cli.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import simdae.cli.oneclass.OneClassSummary;
import simdae.engine.detect.Threshold;
import simdae.engine.model.TrainingInfo;

/**
 * Everything a report shows. Required: a title, the per-sample reconstruction errors and the threshold. Everything
 * else is optional, and a figure or page section appears only when its data is present. Build one with
 * {@link #builder(String, float[], double)}.
 *
 * <p>The page's numbers about the errors (samples, count above threshold, mean, median, p99...) are computed from
 * {@link #errors()} by the writer; {@link #summary()} holds what only the caller knows (model architecture, data
 * source, kernels...), shown in the order it was put.
 */
public final class ReportInput {
    private final String title;
    private final String source;
    private final Map<String, String> summary;
    private final float[] errors;
    private final double threshold;
    private final String thresholdDescription;
    private final ImageGrid images;
    private final TrainingHistory training;
    private final ClassLabels labels;
    private final LabelledResults evaluation;
    private final List<OneClassSummary> oneClass;

    private ReportInput(Builder b) {
        title = b.title;
        source = b.source;
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(b.summary));
        errors = b.errors;
        threshold = b.threshold;
        thresholdDescription = b.thresholdDescription;
        images = b.images;
        training = b.training;
        labels = b.labels;
        evaluation = b.evaluation;
        oneClass = List.copyOf(b.oneClass);
        if (labels != null && labels.labels().length != errors.length) {
            throw new IllegalArgumentException(errors.length + " errors but " + labels.labels().length + " labels");
        }
    }

    /**
     * A builder with the required parts.
     *
     * @param title the page title, e.g. {@code "simdae report: MNIST test set"}
     * @param errors reconstruction error per sample (copied); must be finite
     * @param threshold samples with an error strictly above it are anomalies
     */
    public static Builder builder(String title, float[] errors, double threshold) {
        return new Builder(title, errors, threshold);
    }

    /** Page title. */
    public String title() {
        return title;
    }

    /** Where the data came from (file, data set name), or empty. */
    public String source() {
        return source;
    }

    /** Caller-given key–value lines, in insertion order. */
    public Map<String, String> summary() {
        return summary;
    }

    /** Reconstruction error per sample (a copy). */
    public float[] errors() {
        return errors.clone();
    }

    /** Number of samples. */
    public int sampleCount() {
        return errors.length;
    }

    /** The detection threshold. */
    public double threshold() {
        return threshold;
    }

    /** How the threshold was chosen, e.g. {@code "0.010000 (fixed)"}. */
    public String thresholdDescription() {
        return thresholdDescription;
    }

    /** Originals over reconstructions, if given. */
    public Optional<ImageGrid> images() {
        return Optional.ofNullable(images);
    }

    /** Loss per epoch, if given. */
    public Optional<TrainingHistory> training() {
        return Optional.ofNullable(training);
    }

    /** True class labels, if given. */
    public Optional<ClassLabels> labels() {
        return Optional.ofNullable(labels);
    }

    /** Detection quality against ground truth, if given. */
    public Optional<LabelledResults> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    /** One-class AUROC per normal class; empty when not run. */
    public List<OneClassSummary> oneClass() {
        return oneClass;
    }

    /** Reads the errors without copying, for the writer. */
    float[] errorsView() {
        return errors;
    }

    /** Builder of a {@link ReportInput}; every setter returns {@code this}. */
    public static final class Builder {
        private final String title;
        private final float[] errors;
        private double threshold;
        private String thresholdDescription;
        private String source = "";
        private final Map<String, String> summary = new LinkedHashMap<>();
        private ImageGrid images;
        private TrainingHistory training;
        private ClassLabels labels;
        private LabelledResults evaluation;
        private List<OneClassSummary> oneClass = List.of();

        private Builder(String title, float[] errors, double threshold) {
            if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be blank");
            if (errors == null) throw new IllegalArgumentException("errors must not be null (empty for a report without per-sample errors)");
            for (int i = 0; i < errors.length; i++) {
                // A NaN error would silently vanish from every chart and skew every statistic; refuse it here.
                if (!Float.isFinite(errors[i])) throw new IllegalArgumentException("error " + i + " is " + errors[i]);
            }
            this.title = title;
            this.errors = errors.clone();
            setThreshold(threshold);
            this.thresholdDescription = String.format(Locale.ROOT, "%.6f", threshold);
        }

        private void setThreshold(double value) {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("threshold must be finite, got " + value);
            this.threshold = value;
        }

        /** Where the data came from, shown under the title. */
        public Builder source(String source) {
            this.source = source == null ? "" : source;
            return this;
        }

        /** The threshold and how it was chosen (replaces the value given to {@link ReportInput#builder}). */
        public Builder threshold(Threshold t) {
            setThreshold(t.value());
            thresholdDescription = t.describe();
            return this;
        }

        /** One line of the summary table; a repeated key replaces its value but keeps its place. */
        public Builder put(String key, String value) {
            if (key == null || key.isBlank()) throw new IllegalArgumentException("summary key must not be blank");
            summary.put(key, value == null ? "" : value);
            return this;
        }

        /** A number in the summary table, formatted compactly ({@code %.6g}, integers as integers). */
        public Builder put(String key, double value) {
            return put(key, Format.number(value));
        }

        /** Originals over reconstructions for {@code reconstructions.png}. */
        public Builder images(ImageGrid grid) {
            this.images = grid;
            return this;
        }

        /** Loss per epoch for {@code training_curves.png}. */
        public Builder training(TrainingHistory history) {
            this.training = history;
            return this;
        }

        /**
         * A model's training metadata: its loss history (when it has one) and summary lines for epochs, batch size,
         * learning rate, seed, threads, kernels, final losses, simdae version and creation time.
         */
        public Builder training(TrainingInfo info) {
            TrainingHistory.of(info).ifPresent(h -> training = h);
            if (info == null || info.epochs() == 0) return this;
            put("Epochs", info.epochs());
            put("Batch size", info.batchSize());
            put("Learning rate", info.learningRate());
            put("Seed", String.valueOf(info.seed()));
            if (info.threads() > 0) put("Training threads", info.threads());
            if (info.trainSamples() > 0) put("Training samples", info.trainSamples());
            if (Double.isFinite(info.finalLoss())) put("Final loss", info.finalLoss());
            if (Double.isFinite(info.finalValLoss())) put("Final val_loss", info.finalValLoss());
            if (!info.kernels().isEmpty()) put("Training kernels", info.kernels());
            if (!info.libraryVersion().isEmpty()) put("Trained by", "simdae " + info.libraryVersion());
            if (info.createdEpochMillis() > 0) put("Model created", Instant.ofEpochMilli(info.createdEpochMillis()).toString());
            return this;
        }

        /** True labels for the per-class error box plot. */
        public Builder labels(int[] labels, String[] classNames) {
            this.labels = new ClassLabels(labels, classNames);
            return this;
        }

        /** ROC / PR curves and metrics against ground truth. */
        public Builder evaluation(LabelledResults results) {
            this.evaluation = results;
            return this;
        }

        /** One-class AUROC per normal class (e.g. {@code OneClassResult.classes()}). */
        public Builder oneClass(List<OneClassSummary> summaries) {
            this.oneClass = summaries == null ? List.of() : List.copyOf(summaries);
            return this;
        }

        /** The input. */
        public ReportInput build() {
            return new ReportInput(this);
        }
    }
}
