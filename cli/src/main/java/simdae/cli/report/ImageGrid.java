package simdae.cli.report;

import java.util.Arrays;

/**
 * The images behind {@code reconstructions.png}: originals and their reconstructions as flat row-major arrays
 * ({@code count × rows × cols}, values in {@code [0, 1]}), the anomaly flag of each, and how many to show.
 *
 * <p>The arrays are kept as given (not copied: they can be the whole test set); the figure reads only the first
 * {@link #shown()} images.
 *
 * @param originals original images, {@code count·rows·cols} values
 * @param reconstructions reconstructions, same length as {@code originals}
 * @param rows image height in pixels
 * @param cols image width in pixels
 * @param anomalies one flag per image ({@code true} = flagged as an anomaly), at least {@link #shown()} of them
 * @param show how many images to show at most (the notebook's {@code n = 10})
 */
public record ImageGrid(float[] originals, float[] reconstructions, int rows, int cols, boolean[] anomalies, int show) {

    /** The notebook's number of columns. */
    public static final int DEFAULT_SHOW = 10;

    /** Validates shapes. */
    public ImageGrid {
        if (originals == null || reconstructions == null || anomalies == null) {
            throw new IllegalArgumentException("originals, reconstructions and anomaly flags must not be null");
        }
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("image shape must be positive, got " + rows + "x" + cols);
        if (show <= 0) throw new IllegalArgumentException("show must be positive, got " + show);
        int d = rows * cols;
        if (originals.length % d != 0) {
            throw new IllegalArgumentException(originals.length + " original values are not a whole number of " + rows + "x" + cols + " images");
        }
        if (reconstructions.length != originals.length) {
            throw new IllegalArgumentException(originals.length + " original values but " + reconstructions.length + " reconstructed");
        }
        if (originals.length == 0) throw new IllegalArgumentException("no images");
        int shown = Math.min(show, originals.length / d);
        if (anomalies.length < shown) throw new IllegalArgumentException(anomalies.length + " anomaly flags for " + shown + " shown images");
    }

    /** The notebook's grid: the first {@value #DEFAULT_SHOW} images. */
    public static ImageGrid of(float[] originals, float[] reconstructions, int rows, int cols, boolean[] anomalies) {
        return new ImageGrid(originals, reconstructions, rows, cols, anomalies, DEFAULT_SHOW);
    }

    /** Images available. */
    public int count() {
        return originals.length / (rows * cols);
    }

    /** Images the figure shows: {@code min(show, count)}. */
    public int shown() {
        return Math.min(show, count());
    }

    /** Whether image {@code i} is flagged. */
    public boolean isAnomaly(int i) {
        return anomalies[i];
    }

    /** Image {@code i} of {@code originals} (a copy). */
    float[] original(int i) {
        return slice(originals, i);
    }

    /** Image {@code i} of {@code reconstructions} (a copy). */
    float[] reconstruction(int i) {
        return slice(reconstructions, i);
    }

    private float[] slice(float[] all, int i) {
        int d = rows * cols;
        return Arrays.copyOfRange(all, i * d, (i + 1) * d);
    }
}
