package simdae.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The histogram really draws the threshold as a red dashed vertical line, where the threshold is in data terms. */
class HistogramFigureTest {

    private static float[] uniform(int n, double lo, double hi, long seed) {
        Random r = new Random(seed);
        float[] e = new float[n];
        for (int i = 0; i < n; i++) e[i] = (float) (lo + (hi - lo) * r.nextDouble());
        return e;
    }

    /** The column with the most red pixels within ±2 px of {@code x}. */
    private static int reddestNear(BufferedImage im, int x) {
        int best = x;
        for (int c = x - 2; c <= x + 2; c++) if (Pixels.redInColumn(im, c) > Pixels.redInColumn(im, best)) best = c;
        return best;
    }

    @Test
    void writtenPngHasRedDashedLineAtTheThreshold(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(500, 3);
        HistogramFigure.Rendered r = HistogramFigure.render(data.errors, SyntheticData.THRESHOLD, "Images");
        ReportWriter.write(data.minimalInput(), dir);
        BufferedImage png = ImageIO.read(dir.resolve("errors_histogram.png").toFile());  // the file, not the in-memory image
        assertEquals(900, png.getWidth());
        assertEquals(500, png.getHeight());

        int x = reddestNear(png, r.thresholdX());
        int red = Pixels.redInColumn(png, x);
        // The line spans the plot's height (~400 px), dashed 9 on / 6 off: well over 150 red pixels.
        assertTrue(red >= 150, "only " + red + " red pixels in column " + x);
        assertTrue(Pixels.redRunsInColumn(png, x) >= 10, "line is not dashed: " + Pixels.redRunsInColumn(png, x) + " runs");
        // Nowhere else is there a red vertical line (the legend's red sample is horizontal: a few pixels per column).
        for (int c = 0; c < png.getWidth(); c++) {
            if (Math.abs(c - x) <= 3) continue;
            assertTrue(Pixels.redInColumn(png, c) < 20, "unexpected red column at x=" + c);
        }
    }

    @Test
    void lineSitsAtTheThresholdsDataPosition() {
        float[] errors = uniform(4000, 0.0, 0.02, 11);
        // Threshold in the middle of the errors: bars on both sides of the red line.
        BufferedImage mid = HistogramFigure.render(errors, 0.01, "Samples").image();
        int xMid = reddestNear(mid, HistogramFigure.render(errors, 0.01, "Samples").thresholdX());
        assertTrue(Pixels.redInColumn(mid, xMid) >= 150);
        int left = Pixels.count(mid, 0, 0, xMid - 3, mid.getHeight(), Pixels::blue);
        int right = Pixels.count(mid, xMid + 4, 0, mid.getWidth(), mid.getHeight(), Pixels::blue);
        assertTrue(left > 10_000 && right > 10_000, "bars left " + left + ", right " + right);
        // Equal masses either side (uniform errors, threshold at the centre): within 20 %.
        assertTrue(Math.abs(left - right) < 0.2 * Math.max(left, right), "left " + left + " vs right " + right);

        // Threshold beyond every error: every bar pixel is left of the red line.
        HistogramFigure.Rendered beyond = HistogramFigure.render(errors, 0.03, "Samples");
        int xBeyond = reddestNear(beyond.image(), beyond.thresholdX());
        assertTrue(Pixels.redInColumn(beyond.image(), xBeyond) >= 150);
        assertEquals(0, Pixels.count(beyond.image(), xBeyond + 3, 0, 900, 500, Pixels::blue), "bars right of a threshold above every error");
        assertTrue(xBeyond > xMid + 100, "higher threshold, line further right: " + xMid + " then " + xBeyond);
    }

    @Test
    void binsCountEverySample() {
        float[] errors = uniform(1234, 0.001, 0.05, 5);
        int[] counts = HistogramFigure.render(errors, 0.01, "Samples").counts();
        assertEquals(HistogramFigure.BINS, counts.length);
        int total = 0;
        for (int c : counts) total += c;
        assertEquals(1234, total);
    }

    @Test
    void identicalErrorsStillRender() {
        float[] errors = new float[50];
        java.util.Arrays.fill(errors, 0.004f);
        HistogramFigure.Rendered r = HistogramFigure.render(errors, 0.01, "Samples");
        assertEquals(50, java.util.Arrays.stream(r.counts()).sum());
        assertTrue(Pixels.redInColumn(r.image(), reddestNear(r.image(), r.thresholdX())) >= 150);
    }
}
