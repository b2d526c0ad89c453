package simdae.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import simdae.cli.eval.ClassErrorSummary;

/**
 * {@code class_errors.png}: one box per class drawn from {@link ClassErrorSummary} (numpy quartiles, Tukey
 * whiskers, outliers as dots), with the threshold as the red dashed line. 900×500 pixels.
 *
 * <p>The boxes are drawn as lines on an XY chart rather than with XChart's box chart, whose own quartile and
 * whisker rules would disagree with the numbers in the page's table.
 */
final class ClassErrorsFigure {
    static final int WIDTH = FigureFile.CLASS_ERRORS.width();
    static final int HEIGHT = FigureFile.CLASS_ERRORS.height();
    private static final double HALF_BOX = 0.3;
    private static final double HALF_CAP = 0.15;
    /** Outliers drawn per class at most; beyond that the dots are a smear and only slow the chart down. */
    private static final int MAX_OUTLIER_DOTS = 2000;
    /** Pixels under the chart for the class names and the axis title. */
    private static final int LABEL_BAND = 44;
    private static final String X_TITLE = "Class";
    private static final Color FILL = new Color(0x1f, 0x77, 0xb4, 60);

    private ClassErrorsFigure() {
    }

    static Figure figure(ReportInput in, ReportNumbers nums) {
        List<ClassErrorSummary> classes = nums.classes();
        float[] errors = in.errorsView();
        int[] labels = in.labels().orElseThrow().labels();
        double threshold = in.threshold();

        XYChart chart = new XYChart(WIDTH, HEIGHT - LABEL_BAND);
        chart.setTitle("Reconstruction error per class");
        chart.setYAxisTitle("Reconstruction error");
        ChartStyle.apply(chart.getStyler());
        int k = classes.size();
        chart.getStyler().setXAxisMin(-0.6).setXAxisMax(k - 0.4);
        // XChart's numeric ticks cannot be pinned to one per class (4.0.3 drops or repeats labels), so the x axis
        // is drawn without them and the class names are written under each box (see withClassNames).
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setXAxisTitleVisible(false);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::tick);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        double yMax = threshold;
        for (ClassErrorSummary c : classes) yMax = Math.max(yMax, c.max());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(yMax * 1.12);

        List<Double> ox = new ArrayList<>(), oy = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ClassErrorSummary c = classes.get(i);
            line(chart, "box " + i, new double[] {i - HALF_BOX, i + HALF_BOX, i + HALF_BOX, i - HALF_BOX, i - HALF_BOX},
                    new double[] {c.q1(), c.q1(), c.q3(), c.q3(), c.q1()}, ChartStyle.BLUE, 1.8f, true);
            line(chart, "median " + i, new double[] {i - HALF_BOX, i + HALF_BOX}, new double[] {c.median(), c.median()}, ChartStyle.ORANGE, 2.5f, false);
            line(chart, "upper " + i, new double[] {i, i, i - HALF_CAP, i + HALF_CAP},
                    new double[] {c.q3(), c.upperWhisker(), c.upperWhisker(), c.upperWhisker()}, ChartStyle.BLUE, 1.5f, false);
            line(chart, "lower " + i, new double[] {i, i, i - HALF_CAP, i + HALF_CAP},
                    new double[] {c.q1(), c.lowerWhisker(), c.lowerWhisker(), c.lowerWhisker()}, ChartStyle.BLUE, 1.5f, false);
            int drawn = 0;
            for (int j = 0; j < errors.length && drawn < MAX_OUTLIER_DOTS; j++) {
                if (labels[j] != c.label() || (errors[j] >= c.lowerWhisker() && errors[j] <= c.upperWhisker())) continue;
                ox.add((double) i);
                oy.add((double) errors[j]);
                drawn++;
            }
        }
        if (!ox.isEmpty()) {
            XYSeries o = chart.addSeries("Outliers (beyond 1.5·IQR)", ox, oy);
            o.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            o.setMarker(SeriesMarkers.CIRCLE);
            o.setMarkerColor(new Color(0x55, 0x55, 0x55, 110));
        }
        XYSeries t = chart.addSeries("Threshold = " + Format.number(threshold), new double[] {-0.6, k - 0.4}, new double[] {threshold, threshold});
        t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(ChartStyle.THRESHOLD_RED);
        t.setLineStyle(ChartStyle.dashed(2f));
        chart.getStyler().setMarkerSize(5);

        Headless.ensure();
        BufferedImage image = withClassNames(chart, classes);
        String caption = "Reconstruction error per true class: boxes span the quartiles, the orange line is the median, "
                + "whiskers reach the furthest error within 1.5·IQR, dots are the errors beyond; the red dashed line is the threshold.";
        return new Figure(FigureFile.CLASS_ERRORS, "Box plot of reconstruction error per class", caption, image);
    }

    /** The chart on a taller canvas, with each class name centred under its box and the axis title below. */
    private static BufferedImage withClassNames(XYChart chart, List<ClassErrorSummary> classes) {
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);  // paints, which lays out the axes
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(plot, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            int top = plot.getHeight();
            double spacing = classes.size() > 1 ? chart.getScreenXFromChart(1) - chart.getScreenXFromChart(0) : WIDTH / 2.0;
            for (int i = 0; i < classes.size(); i++) {
                String name = classes.get(i).name();
                Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
                while (f.getSize() > 8 && g.getFontMetrics(f).stringWidth(name) > spacing - 4) f = f.deriveFont((float) f.getSize() - 1);
                g.setFont(f);
                FontMetrics fm = g.getFontMetrics();
                while (name.length() > 1 && fm.stringWidth(name) > spacing - 4) name = name.substring(0, name.length() - 2) + "\u2026";
                int x = (int) Math.round(chart.getScreenXFromChart(i)) - fm.stringWidth(name) / 2;
                g.drawString(name, x, top + fm.getAscent() - 8);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            FontMetrics fm = g.getFontMetrics();
            int plotLeft = (int) Math.round(chart.getScreenXFromChart(-0.6)), plotRight = (int) Math.round(chart.getScreenXFromChart(classes.size() - 0.4));
            g.drawString(X_TITLE, (plotLeft + plotRight - fm.stringWidth(X_TITLE)) / 2, HEIGHT - 12);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width, boolean filled) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(filled ? XYSeries.XYSeriesRenderStyle.PolygonArea : XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        if (filled) s.setFillColor(FILL);
        s.setLineStyle(ChartStyle.solid(width));
        s.setShowInLegend(false);
    }
}
