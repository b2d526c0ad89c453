package simdae.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * One look for every chart: white background, matplotlib's default colours (the notebook's figures), readable
 * fonts, locale-independent numbers. Red is kept for the threshold alone, so it stands out and tests can find it.
 */
final class ChartStyle {
    /** matplotlib's tab:blue, the notebook's histogram colour. */
    static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
    /** matplotlib's tab:orange. */
    static final Color ORANGE = new Color(0xff, 0x7f, 0x0e);
    /** matplotlib's tab:green. */
    static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);
    /** Reference lines (chance, baseline). */
    static final Color GRAY = new Color(0x80, 0x80, 0x80);
    /** The threshold, as the notebook's {@code color='r'}. */
    static final Color THRESHOLD_RED = new Color(255, 0, 0);

    private static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    private static final Color FRAME = new Color(0xb0, 0xb0, 0xb0);

    private ChartStyle() {
    }

    /** The notebook's {@code linestyle='dashed'}. */
    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f);
    }

    /** A plain line of the given width. */
    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Applies the shared look to a chart's styler. */
    static void apply(AxesChartStyler s) {
        // Logical font names map to an installed font (DejaVu/Liberation on Debian) even headless.
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(FRAME);
        s.setPlotGridLinesColor(GRID);
        s.setLegendBorderColor(FRAME);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 235));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(14);
        s.setPlotMargin(0);
        s.setLocale(Locale.ROOT);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
    }

    /** Axis tick text: {@code 0.005}, {@code 1.2e-05}, never {@code 0.005000000001}. */
    static String tick(double v) {
        if (Math.abs(v) < 1e-12) return "0";
        return Format.number(Double.parseDouble(String.format(Locale.ROOT, "%.10g", v)));
    }

    /**
     * Tick text that only labels whole numbers (epochs, counts); fractional ticks get a space, not an empty string,
     * which Java2D's text layout refuses.
     */
    static String wholeTick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : " ";
    }
}
