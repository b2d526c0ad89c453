package simdae.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The per-class box plot names every class under its box and draws the threshold in red. */
class ClassErrorsFigureTest {

    /** Groups of dark columns in the label band, separated by at least 12 blank columns: one per class name. */
    private static int labelClusters(BufferedImage im) {
        int y0 = im.getHeight() - 44, y1 = im.getHeight() - 26;
        int clusters = 0, gap = Integer.MAX_VALUE;
        for (int x = 0; x < im.getWidth(); x++) {
            boolean dark = Pixels.count(im, x, y0, x + 1, y1, rgb -> ((rgb >> 16) & 0xff) < 110 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110) > 0;
            if (dark) {
                if (gap >= 12) clusters++;
                gap = 0;
            } else if (gap < Integer.MAX_VALUE) {
                gap++;
            }
        }
        return clusters;
    }

    @Test
    void everyClassIsNamedAndTheThresholdIsRed() {
        SyntheticData data = new SyntheticData(500, 12);
        ReportInput in = ReportInput.builder("t", data.errors, SyntheticData.THRESHOLD).labels(data.labels, SyntheticData.digitNames()).build();
        BufferedImage im = ClassErrorsFigure.figure(in, ReportNumbers.of(in)).image();
        assertEquals(900, im.getWidth());
        assertEquals(500, im.getHeight());
        assertEquals(10, labelClusters(im), "one name under each of the 10 boxes");
        int red = Pixels.count(im, 0, 0, im.getWidth(), im.getHeight(), Pixels::red);
        assertTrue(red > 250, "threshold line: " + red + " red pixels");
    }

    @Test
    void twoClassesTwoNames() {
        float[] e = {0.002f, 0.003f, 0.0031f, 0.004f, 0.006f, 0.0045f};
        ReportInput in = ReportInput.builder("t", e, 0.02).labels(new int[] {0, 1, 0, 1, 1, 0}, new String[] {"normal", "other"}).build();
        assertEquals(2, labelClusters(ClassErrorsFigure.figure(in, ReportNumbers.of(in)).image()));
    }
}
