package simdae.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code errors_histogram.png}: the notebook's {@code plt.hist(errors, bins=50)} with
 * {@code plt.axvline(threshold, color='r', linestyle='dashed')}. 900×500 pixels.
 *
 * <p>Bins span the errors' range, like numpy's; the x axis also spans the threshold, so the red line is always
 * visible even when no error comes near it.
 */
final class HistogramFigure {
    static final int WIDTH = FigureFile.ERRORS_HISTOGRAM.width();
    static final int HEIGHT = FigureFile.ERRORS_HISTOGRAM.height();
    static final int BINS = 50;

    /**
     * The rendered chart and where the threshold landed.
     *
     * @param image the pixels
     * @param thresholdX the threshold's x pixel column, from the chart's own axis mapping
     * @param counts samples per bin
     */
    record Rendered(BufferedImage image, int thresholdX, int[] counts) {
    }

    private HistogramFigure() {
    }

    static Figure figure(ReportInput in, ReportNumbers nums) {
        String yTitle = in.images().isPresent() ? "Images" : "Samples";
        Rendered r = render(in.errorsView(), in.threshold(), yTitle);
        String caption = String.format("Reconstruction error of %d %s in %d bins; the red dashed line is the threshold %s. "
                        + "%d (%s) lie above it.", nums.stats().count(), yTitle.toLowerCase(java.util.Locale.ROOT), BINS,
                in.thresholdDescription(), nums.aboveThreshold(), Format.percent(nums.fractionAbove()));
        return new Figure(FigureFile.ERRORS_HISTOGRAM, "Histogram of reconstruction errors with the threshold at "
                + Format.number(in.threshold()), caption, r.image());
    }

    /** Renders the histogram of {@code errors} with {@code threshold} as a red dashed vertical line. */
    static Rendered render(float[] errors, double threshold, String yTitle) {
        Headless.ensure();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : errors) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            // All errors equal: give the single bar a visible width instead of dividing by zero.
            double pad = Math.max(Math.abs(lo) * 0.05, 1e-6);
            lo -= pad;
            hi += pad;
        }
        int[] counts = new int[BINS];
        double width = (hi - lo) / BINS;
        double[] edges = new double[BINS + 1];
        for (int b = 0; b < BINS; b++) edges[b] = lo + b * width;
        edges[BINS] = hi;  // exact, so rounding can never put an edge past the last one (XChart needs ascending x)
        for (float v : errors) counts[Math.max(0, Math.min(BINS - 1, (int) ((v - lo) / width)))]++;  // last bin closed, as numpy's
        int maxCount = 0;
        for (int c : counts) maxCount = Math.max(maxCount, c);

        // Bars as one step outline filled down to 0: exact bin edges on a numeric axis that the threshold shares.
        double[] x = new double[2 * BINS + 2], y = new double[2 * BINS + 2];
        x[0] = lo;
        for (int b = 0; b < BINS; b++) {
            x[2 * b + 1] = edges[b];
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = counts[b];
        }
        x[2 * BINS + 1] = hi;

        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(String.format("Reconstruction errors (n = %d)", errors.length));
        chart.setXAxisTitle("Reconstruction error");
        chart.setYAxisTitle(yTitle);
        ChartStyle.apply(chart.getStyler());
        // Below the plot: inside it, the legend would cover the threshold line whenever the line is near a corner.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        double xMin = Math.min(lo, threshold), xMax = Math.max(hi, threshold);
        double margin = (xMax - xMin) * 0.03;
        chart.getStyler().setXAxisMin(lo >= 0 ? Math.max(0, xMin - margin) : xMin - margin);
        chart.getStyler().setXAxisMax(xMax + margin);
        double yTop = Math.max(1, maxCount) * 1.08;
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(yTop);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartStyle::tick);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::wholeTick);

        XYSeries bars = chart.addSeries("Errors", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(new Color(ChartStyle.BLUE.getRed(), ChartStyle.BLUE.getGreen(), ChartStyle.BLUE.getBlue(), 190));
        bars.setLineColor(ChartStyle.BLUE);
        bars.setLineStyle(ChartStyle.solid(1f));

        XYSeries line = chart.addSeries("Threshold = " + Format.number(threshold), new double[] {threshold, threshold}, new double[] {0, yTop});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(ChartStyle.THRESHOLD_RED);
        line.setLineStyle(ChartStyle.dashed(2.5f));

        BufferedImage image = BitmapEncoder.getBufferedImage(chart);  // paints, which lays out the axes
        int thresholdX = (int) Math.round(chart.getScreenXFromChart(threshold));
        return new Rendered(image, thresholdX, counts);
    }
}
