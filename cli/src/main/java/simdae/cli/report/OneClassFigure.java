package simdae.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import simdae.cli.oneclass.OneClassSummary;

/**
 * {@code oneclass_auroc.png}: AUROC per normal class of the one-class protocol (train on one digit, score the test
 * set), mean over seeds with ± one standard deviation as error bars. 900×500 pixels.
 */
final class OneClassFigure {
    static final int WIDTH = FigureFile.ONECLASS_AUROC.width();
    static final int HEIGHT = FigureFile.ONECLASS_AUROC.height();

    private OneClassFigure() {
    }

    static Figure figure(List<OneClassSummary> classes) {
        List<String> names = new ArrayList<>();
        List<Double> mean = new ArrayList<>(), std = new ArrayList<>();
        double overall = 0, low = 1;
        int seeds = 0;
        for (OneClassSummary c : classes) {
            names.add(c.name());
            mean.add(c.meanAuroc());
            std.add(c.stdAuroc());
            overall += c.meanAuroc() / classes.size();
            low = Math.min(low, c.meanAuroc() - c.stdAuroc());
            seeds = Math.max(seeds, c.runs());
        }
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        chart.setTitle("One-class AUROC per normal class (mean " + Format.rate(overall) + ")");
        chart.setXAxisTitle("Normal class");
        chart.setYAxisTitle("AUROC");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        // AUROCs cluster near the top; start the axis a little below the lowest bar (at most at 0.5, chance) so the
        // differences between classes are visible, never below 0.
        double yMin = Math.max(0, Math.min(0.5, Math.floor((low - 0.05) * 10) / 10));
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(1.0);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartStyle::tick);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLabelsVisible(classes.size() <= 12);
        chart.getStyler().setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        chart.getStyler().setDecimalPattern("0.000");
        chart.getStyler().setLabelsPosition(0.5);
        CategorySeries s = chart.addSeries("AUROC", names, mean, std);
        s.setFillColor(ChartStyle.BLUE);

        Headless.ensure();
        String caption = String.format("One-class protocol: a model trained on each class alone scores the whole test set; "
                + "bars are the mean AUROC over %d seed%s, error bars ± one standard deviation. Mean over classes %s.",
                seeds, seeds == 1 ? "" : "s", Format.rate(overall));
        return new Figure(FigureFile.ONECLASS_AUROC, "Bar chart of one-class AUROC per normal class", caption,
                BitmapEncoder.getBufferedImage(chart));
    }
}
