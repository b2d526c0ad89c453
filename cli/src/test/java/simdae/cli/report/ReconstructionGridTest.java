package simdae.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebook's grid: anomaly titles on flagged columns only, digits upscaled without blur, fixed sizes. */
class ReconstructionGridTest {

    private static ImageGrid grid(boolean[] flags, int count, int rows, int cols) {
        float[] x = new float[count * rows * cols];
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 6f;
            y[i] = (i % 5) / 4f;
        }
        return ImageGrid.of(x, y, rows, cols, flags);
    }

    @Test
    void anomalyTitlesOnlyOnFlaggedColumns() {
        boolean[] flags = {false, true, false, false, true, false, false, false, false, true, true};
        ImageGrid g = grid(flags, 11, 28, 28);
        List<String> titles = ReconstructionGrid.originalTitles(g);
        assertEquals(10, titles.size(), "the notebook shows n = 10");
        for (int i = 0; i < 10; i++) assertEquals(flags[i] ? "Original (Anomaly)" : "Original", titles.get(i), "column " + i);
    }

    @Test
    void flaggedColumnsAndOnlyThoseHaveRedTitleAndFrame() {
        boolean[] flags = {false, true, false, false, true, false, false, false, false, true};
        BufferedImage im = ReconstructionGrid.render(grid(flags, 10, 28, 28), null);
        int cell = ReconstructionGrid.cellWidth(28, 28);
        int topRowBottom = ReconstructionGrid.PAD + ReconstructionGrid.TITLE + 28 * ReconstructionGrid.scale(28, 28) + 3;
        for (int i = 0; i < flags.length; i++) {
            int x0 = ReconstructionGrid.PAD + i * cell;
            int red = Pixels.count(im, x0, 0, x0 + cell, topRowBottom, Pixels::reddish);
            if (flags[i]) assertTrue(red > 300, "column " + i + " is flagged but has " + red + " red pixels");
            else assertEquals(0, red, "column " + i + " is not flagged but has red pixels");
        }
        // The bottom row never carries anomaly marks.
        assertEquals(0, Pixels.count(im, 0, topRowBottom + 1, im.getWidth(), im.getHeight(), Pixels::reddish));
    }

    @Test
    void sizeFollowsTheDocumentedFormula() {
        BufferedImage mnist = ReconstructionGrid.render(grid(new boolean[10], 10, 28, 28), null);
        assertEquals(4, ReconstructionGrid.scale(28, 28));
        assertEquals(1520, mnist.getWidth());
        assertEquals(324, mnist.getHeight());
        // Fewer images than n: as many columns as images.
        BufferedImage three = ReconstructionGrid.render(grid(new boolean[3], 3, 28, 28), null);
        assertEquals(ReconstructionGrid.width(3, 28, 28), three.getWidth());
        // A small 8x8 image is upscaled more (x14) to stay legible.
        assertEquals(14, ReconstructionGrid.scale(8, 8));
        BufferedImage small = ReconstructionGrid.render(grid(new boolean[4], 4, 8, 8), null);
        assertEquals(ReconstructionGrid.width(4, 8, 8), small.getWidth());
        assertEquals(ReconstructionGrid.height(8, 8), small.getHeight());
    }

    @Test
    void upscalesWithNearestNeighbour() {
        float[] x = new float[28 * 28];
        x[0] = 1f;  // one white pixel in a black image
        ImageGrid g = ImageGrid.of(x, x.clone(), 28, 28, new boolean[1]);
        BufferedImage im = ReconstructionGrid.render(g, null);
        int s = ReconstructionGrid.scale(28, 28), cell = ReconstructionGrid.cellWidth(28, 28);
        int x0 = ReconstructionGrid.PAD + (cell - 28 * s) / 2, y0 = ReconstructionGrid.PAD + ReconstructionGrid.TITLE;
        for (int dy = 0; dy < s; dy++) {
            for (int dx = 0; dx < s; dx++) assertEquals(0xffffff, im.getRGB(x0 + dx, y0 + dy) & 0xffffff, "block pixel " + dx + "," + dy);
        }
        assertEquals(0, im.getRGB(x0 + s, y0) & 0xffffff, "right of the block is black, not blurred");
        assertEquals(0, im.getRGB(x0, y0 + s) & 0xffffff, "below the block is black, not blurred");
    }
}
