package simdae.cli.report;

/**
 * The figures a report can hold, by file name, in page order. Chart sizes are fixed so pages and tests can rely on
 * them; the reconstruction grid's size depends on the number and shape of the images (see
 * {@link ReconstructionGrid}).
 */
public enum FigureFile {
    /** Histogram of errors with the threshold; always written. 900×500. */
    ERRORS_HISTOGRAM("errors_histogram.png", 900, 500),
    /** Originals over reconstructions; written with {@link ImageGrid} data. Size: see {@link ReconstructionGrid}. */
    RECONSTRUCTIONS("reconstructions.png", -1, -1),
    /** Loss and val_loss per epoch; written with a {@link TrainingHistory}. 900×500. */
    TRAINING_CURVES("training_curves.png", 900, 500),
    /** ROC curve with AUROC; written with {@link LabelledResults}. 600×600. */
    ROC("roc.png", 600, 600),
    /** Precision-recall curve with AUPRC; written with {@link LabelledResults}. 600×600. */
    PR("pr.png", 600, 600),
    /** Box plot of errors per class; written with {@link ClassLabels}. 900×500. */
    CLASS_ERRORS("class_errors.png", 900, 500),
    /** One-class AUROC per normal class; written with one-class summaries. 900×500. */
    ONECLASS_AUROC("oneclass_auroc.png", 900, 500);

    private final String fileName;
    private final int width;
    private final int height;

    FigureFile(String fileName, int width, int height) {
        this.fileName = fileName;
        this.width = width;
        this.height = height;
    }

    /** The PNG's file name in the report directory. */
    public String fileName() {
        return fileName;
    }

    /** Width in pixels, or -1 when it depends on the data. */
    public int width() {
        return width;
    }

    /** Height in pixels, or -1 when it depends on the data. */
    public int height() {
        return height;
    }
}
