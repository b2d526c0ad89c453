package simdae.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the raw MNIST IDX image files from the local cache ({@code $SIMDAE_HOME/mnist}, else
 * {@code ~/.cache/simdae/mnist}): {@code train-images-idx3-ubyte} and {@code t10k-images-idx3-ubyte}, optionally
 * gzipped. Nothing is downloaded here. (Bench-local on purpose: the engine's own IDX reader lives on the {@code io}
 * branch; switch to it once that is on main.)
 */
public final class MnistFiles {
    private MnistFiles() {
    }

    /** The cache folder holding the IDX files. */
    public static Path dir() {
        String home = System.getenv("SIMDAE_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "mnist") : Path.of(System.getProperty("user.home"), ".cache", "simdae", "mnist");
    }

    /** The 60,000 training images as raw pixel values 0–255, row-major {@code n × 784}. */
    public static float[] trainImages() throws IOException {
        return images(dir().resolve("train-images-idx3-ubyte"));
    }

    /** The 10,000 test images as raw pixel values 0–255, row-major {@code n × 784}. */
    public static float[] testImages() throws IOException {
        return images(dir().resolve("t10k-images-idx3-ubyte"));
    }

    /** An IDX3 unsigned-byte file (or its {@code .gz}) as floats 0–255; the header is checked against the size. */
    public static float[] images(Path p) throws IOException {
        if (!Files.exists(p) && Files.exists(Path.of(p + ".gz"))) p = Path.of(p + ".gz");
        if (!Files.exists(p)) {
            throw new IOException(p + " not found: put the raw MNIST IDX files (train-images-idx3-ubyte, t10k-images-idx3-ubyte) in " + dir());
        }
        byte[] raw = Files.readAllBytes(p);
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        if (raw.length < 16 || raw[0] != 0 || raw[1] != 0 || raw[2] != 0x08 || raw[3] != 3) throw new IOException(p + ": not an IDX3 ubyte file");
        long n = be(raw, 4), rows = be(raw, 8), cols = be(raw, 12);
        if (16 + n * rows * cols != raw.length) {
            throw new IOException(p + ": header says " + n + "×" + rows + "×" + cols + " but the file holds " + (raw.length - 16) + " pixels");
        }
        float[] x = new float[(int) (n * rows * cols)];
        for (int i = 0; i < x.length; i++) x[i] = raw[16 + i] & 0xff;
        return x;
    }

    private static long be(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }
}
