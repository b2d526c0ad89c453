package simdae.cli.report;

/**
 * True class labels of the scored samples, for the per-class error box plot ({@code class_errors.png}).
 *
 * @param labels one label per error (parallel to {@link ReportInput#errors()})
 * @param classNames names indexed by label, or {@code null} to show the labels themselves
 */
public record ClassLabels(int[] labels, String[] classNames) {

    /** Copies the arrays. */
    public ClassLabels {
        if (labels == null || labels.length == 0) throw new IllegalArgumentException("labels must not be empty");
        labels = labels.clone();
        classNames = classNames == null ? null : classNames.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String[] classNames() {
        return classNames == null ? null : classNames.clone();
    }
}
