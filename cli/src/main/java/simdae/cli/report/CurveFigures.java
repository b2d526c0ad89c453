package simdae.cli.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import simdae.cli.eval.BinaryMetrics;
import simdae.cli.eval.Curve;

/**
 * {@code roc.png} and {@code pr.png}: the ROC and precision-recall curves of a labelled evaluation, each with its
 * area in the title, a random-detector reference line, and the report's threshold marked as a point. 600×600 each.
 */
final class CurveFigures {
    static final int SIZE = FigureFile.ROC.width();

    private CurveFigures() {
    }

    static Figure roc(LabelledResults r) {
        BinaryMetrics m = r.atThreshold();
        XYChart chart = square("ROC curve (AUROC " + Format.rate(r.auroc()) + ")", "False-positive rate", "True-positive rate");
        reference(chart, "Random detector", new double[] {0, 1}, new double[] {0, 1});
        curve(chart, "ROC", r.roc());
        point(chart, "Threshold " + Format.number(m.threshold()), m.falsePositiveRate(), m.recall());
        String caption = "ROC curve against the ground truth: AUROC " + Format.rate(r.auroc()) + ". The marked point is the "
                + "report's threshold (false-positive rate " + Format.rate(m.falsePositiveRate()) + ", true-positive rate "
                + Format.rate(m.recall()) + "); the dashed diagonal is a random detector.";
        return new Figure(FigureFile.ROC, "ROC curve, AUROC " + Format.rate(r.auroc()), caption, paint(chart));
    }

    static Figure pr(LabelledResults r) {
        BinaryMetrics m = r.atThreshold();
        XYChart chart = square("Precision-recall curve (AUPRC " + Format.rate(r.auprc()) + ")", "Recall", "Precision");
        reference(chart, "Random detector (anomaly rate " + Format.rate(r.prevalence()) + ")", new double[] {0, 1},
                new double[] {r.prevalence(), r.prevalence()});
        curve(chart, "Precision-recall", r.pr());
        point(chart, "Threshold " + Format.number(m.threshold()), m.recall(), m.precision());
        String caption = "Precision-recall curve: AUPRC (average precision) " + Format.rate(r.auprc()) + ". The marked point is "
                + "the report's threshold (recall " + Format.rate(m.recall()) + ", precision " + Format.rate(m.precision())
                + "); the dashed line is the anomaly rate, a random detector's precision.";
        return new Figure(FigureFile.PR, "Precision-recall curve, AUPRC " + Format.rate(r.auprc()), caption, paint(chart));
    }

    private static XYChart square(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(SIZE, SIZE);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        ChartStyle.apply(chart.getStyler());
        // Below the plot the legend never hides the curve, wherever a poor or a good detector puts it.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.02);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartStyle::tick);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::tick);
        return chart;
    }

    private static void curve(XYChart chart, String name, Curve c) {
        XYSeries s = chart.addSeries(name, c.x(), c.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.BLUE);
        s.setLineStyle(ChartStyle.solid(2.5f));
    }

    private static void reference(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.GRAY);
        s.setLineStyle(ChartStyle.dashed(1.5f));
    }

    private static void point(XYChart chart, String name, double x, double y) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(ChartStyle.ORANGE);
    }

    private static java.awt.image.BufferedImage paint(XYChart chart) {
        Headless.ensure();
        chart.getStyler().setMarkerSize(12);
        return BitmapEncoder.getBufferedImage(chart);
    }
}
