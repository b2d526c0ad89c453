package simdae.cli.report;

import java.awt.image.BufferedImage;

/** Colour tests on decoded PNG pixels. */
final class Pixels {

    private Pixels() {
    }

    /** Pure-ish red: the threshold line (anti-aliased edges excluded). */
    static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 200 && g < 70 && b < 70;
    }

    /** The histogram's blue bars (matplotlib tab:blue, possibly blended with white). */
    static boolean blue(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return b > 150 && r < 120 && b - r > 80;
    }

    /** Any clearly red-dominated pixel (the grid's anomaly title and frame). */
    static boolean reddish(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 150 && r - g > 70 && r - b > 70;
    }

    /** Red pixels in column {@code x}. */
    static int redInColumn(BufferedImage im, int x) {
        int n = 0;
        for (int y = 0; y < im.getHeight(); y++) if (red(im.getRGB(x, y))) n++;
        return n;
    }

    /** Runs of red pixels in column {@code x}: a dashed line has many, a solid one has one. */
    static int redRunsInColumn(BufferedImage im, int x) {
        int runs = 0;
        boolean in = false;
        for (int y = 0; y < im.getHeight(); y++) {
            boolean r = red(im.getRGB(x, y));
            if (r && !in) runs++;
            in = r;
        }
        return runs;
    }

    /** Pixels matching {@code test} in the rectangle. */
    static int count(BufferedImage im, int x0, int y0, int x1, int y1, java.util.function.IntPredicate test) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(im.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(im.getWidth(), x1); x++) if (test.test(im.getRGB(x, y))) n++;
        }
        return n;
    }
}
