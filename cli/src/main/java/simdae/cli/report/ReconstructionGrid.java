package simdae.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reconstructions.png}: the notebook's grid, originals in the top row over their reconstructions, each
 * original titled "Original" or "Original (Anomaly)" and each reconstruction "Reconstructed" with its error.
 *
 * <p>Digits are upscaled by an integer factor with nearest-neighbour (no blur), chosen so the longer side is about
 * {@value #TARGET_DIGIT_PX} px: ×4 for 28×28 MNIST. Size: width = {@code 2·PAD + shown·cellWidth} with
 * {@code cellWidth = max(cols·scale + 16, 150)}; height = {@code 2·(TITLE + rows·scale) + ERROR_LINE + 3·PAD}.
 * For 10 MNIST digits: 1520×324.
 */
final class ReconstructionGrid {
    static final int TARGET_DIGIT_PX = 112;
    static final int MIN_CELL = 150;
    static final int PAD = 10;
    static final int TITLE = 24;
    static final int ERROR_LINE = 22;
    static final String ORIGINAL = "Original";
    static final String ANOMALY = "Original (Anomaly)";
    static final String RECONSTRUCTED = "Reconstructed";

    private static final Color ANOMALY_RED = new Color(0xc6, 0x28, 0x28);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private ReconstructionGrid() {
    }

    /** Integer upscale factor for images of this shape. */
    static int scale(int rows, int cols) {
        return Math.max(1, TARGET_DIGIT_PX / Math.max(rows, cols));
    }

    static int cellWidth(int rows, int cols) {
        return Math.max(cols * scale(rows, cols) + 16, MIN_CELL);
    }

    /** Pixel width of the figure for {@code shown} images of this shape. */
    static int width(int shown, int rows, int cols) {
        return 2 * PAD + shown * cellWidth(rows, cols);
    }

    /** Pixel height of the figure for images of this shape. */
    static int height(int rows, int cols) {
        return 2 * (TITLE + rows * scale(rows, cols)) + ERROR_LINE + 3 * PAD;
    }

    /** The title over each shown original, in column order: what the figure writes. */
    static List<String> originalTitles(ImageGrid grid) {
        List<String> t = new ArrayList<>(grid.shown());
        for (int i = 0; i < grid.shown(); i++) t.add(grid.isAnomaly(i) ? ANOMALY : ORIGINAL);
        return t;
    }

    static Figure figure(ReportInput in, ImageGrid grid) {
        int flagged = 0;
        for (int i = 0; i < grid.shown(); i++) if (grid.isAnomaly(i)) flagged++;
        String caption = String.format("The first %d images (top) over their reconstructions (bottom), with each "
                + "reconstruction's error; %d of them are above the threshold and titled \"Original (Anomaly)\".", grid.shown(), flagged);
        return new Figure(FigureFile.RECONSTRUCTIONS, "The first " + grid.shown() + " originals over their reconstructions",
                caption, render(grid, in.errorsView()));
    }

    /**
     * Draws the grid.
     *
     * @param errors per-image errors printed under the reconstructions, or {@code null} to omit them
     */
    static BufferedImage render(ImageGrid grid, float[] errors) {
        Headless.ensure();
        int rows = grid.rows(), cols = grid.cols(), s = scale(rows, cols), cell = cellWidth(rows, cols);
        int n = grid.shown(), dw = cols * s, dh = rows * s;
        BufferedImage img = new BufferedImage(width(n, rows, cols), height(rows, cols), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Nearest neighbour keeps each source pixel a crisp s×s block, as matplotlib's imshow of a small image.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            Font title = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            List<String> titles = originalTitles(grid);
            int topDigitY = PAD + TITLE, bottomTitleY = topDigitY + dh + PAD, bottomDigitY = bottomTitleY + TITLE;
            for (int i = 0; i < n; i++) {
                int cellX = PAD + i * cell, digitX = cellX + (cell - dw) / 2;
                boolean anomaly = grid.isAnomaly(i);
                g.setColor(anomaly ? ANOMALY_RED : TEXT);
                centered(g, fit(g, title, titles.get(i), cell - 4), titles.get(i), cellX, cell, PAD + TITLE - 7);
                g.drawImage(gray(grid.original(i), rows, cols), digitX, topDigitY, dw, dh, null);
                if (anomaly) {
                    g.setColor(ANOMALY_RED);
                    g.setStroke(new BasicStroke(3f));
                    g.drawRect(digitX - 2, topDigitY - 2, dw + 3, dh + 3);
                }
                g.setColor(TEXT);
                centered(g, fit(g, title, RECONSTRUCTED, cell - 4), RECONSTRUCTED, cellX, cell, bottomTitleY + TITLE - 7);
                g.drawImage(gray(grid.reconstruction(i), rows, cols), digitX, bottomDigitY, dw, dh, null);
                if (errors != null && i < errors.length) {
                    g.setColor(MUTED);
                    String e = "error " + Format.significant(errors[i], 4);
                    centered(g, fit(g, small, e, cell - 4), e, cellX, cell, bottomDigitY + dh + ERROR_LINE - 6);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A 1:1 grey image, 0 = black and 1 = white, as {@code imshow(..., cmap='gray')}. */
    private static BufferedImage gray(float[] pixels, int rows, int cols) {
        BufferedImage im = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = pixels[r * cols + c];
                int level = Float.isFinite(v) ? Math.round(Math.max(0f, Math.min(1f, v)) * 255f) : 0;
                im.getRaster().setSample(c, r, 0, level);
            }
        }
        return im;
    }

    /** The font, shrunk a point at a time until {@code text} fits {@code maxWidth} (keeps the cell size fixed). */
    private static Font fit(Graphics2D g, Font font, String text, int maxWidth) {
        Font f = font;
        while (f.getSize() > 8 && g.getFontMetrics(f).stringWidth(text) > maxWidth) f = f.deriveFont((float) f.getSize() - 1);
        return f;
    }

    private static void centered(Graphics2D g, Font font, String text, int cellX, int cellWidth, int baseline) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, cellX + (cellWidth - fm.stringWidth(text)) / 2, baseline);
    }
}
