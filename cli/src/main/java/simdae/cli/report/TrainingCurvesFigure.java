package simdae.cli.report;

import java.awt.Color;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code training_curves.png}: Keras' {@code loss} and {@code val_loss} per epoch. 900×500 pixels. */
final class TrainingCurvesFigure {
    static final int WIDTH = FigureFile.TRAINING_CURVES.width();
    static final int HEIGHT = FigureFile.TRAINING_CURVES.height();
    /** Up to this many epochs each point gets a marker, so a 1-epoch run still shows something. */
    private static final int MARKERS_UP_TO = 40;

    private TrainingCurvesFigure() {
    }

    static Figure figure(TrainingHistory h) {
        String caption = "Training loss" + (h.hasValidation() ? " and validation loss" : "") + " per epoch over "
                + h.epochs() + (h.epochs() == 1 ? " epoch" : " epochs") + "; final loss " + Format.number(h.finalLoss())
                + (Double.isFinite(h.finalValLoss()) ? ", final val_loss " + Format.number(h.finalValLoss()) : "") + ".";
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle("Training history");
        chart.setXAxisTitle("Epoch");
        chart.setYAxisTitle("Loss (MSE)");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartStyle::wholeTick);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::tick);
        // A single epoch has no x range; give the axis one so the point sits inside the plot.
        chart.getStyler().setXAxisMin(h.epochs() == 1 ? 0.0 : 1.0);
        chart.getStyler().setXAxisMax(h.epochs() == 1 ? 2.0 : (double) h.epochs());
        chart.getStyler().setYAxisMin(0.0);  // from zero, so the size of the drop reads true

        add(chart, "loss", h.loss(), ChartStyle.BLUE);
        if (h.hasValidation()) add(chart, "val_loss", h.valLoss(), ChartStyle.ORANGE);
        Headless.ensure();
        return new Figure(FigureFile.TRAINING_CURVES, "Training and validation loss per epoch", caption,
                BitmapEncoder.getBufferedImage(chart));
    }

    /** Adds the finite points of {@code values} (epoch = index + 1); missing epochs are skipped, not drawn as 0. */
    private static void add(XYChart chart, String name, double[] values, Color color) {
        double[] x = new double[values.length], y = new double[values.length];
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) continue;
            x[m] = i + 1;
            y[m++] = values[i];
        }
        XYSeries s = chart.addSeries(name, Arrays.copyOf(x, m), Arrays.copyOf(y, m));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(ChartStyle.solid(2.5f));
        s.setMarker(values.length <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(color);
    }
}
