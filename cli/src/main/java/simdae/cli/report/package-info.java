/**
 * The report a {@code simdae} run leaves behind: PNG figures, {@code summary.json} and a self-contained
 * {@code index.html}, the notebook's two plots (error histogram with the threshold, originals over reconstructions)
 * plus training curves, ROC/PR curves, per-class errors and one-class AUROC when their data is present.
 *
 * <p>Entry points: build a {@link simdae.cli.report.ReportInput} and call
 * {@link simdae.cli.report.ReportWriter#write(ReportInput, java.nio.file.Path)}. Charts use XChart and render
 * headless; the digit grid is plain Java2D.
 */
package simdae.cli.report;
