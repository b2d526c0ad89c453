package simdae.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import simdae.engine.io.IdxArray;
import simdae.engine.io.IdxReader;

/**
 * Reads the raw MNIST IDX image files from the local cache ({@code $SIMDAE_HOME/mnist}, else
 * {@code ~/.cache/simdae/mnist}): {@code train-images-idx3-ubyte} and {@code t10k-images-idx3-ubyte}, optionally
 * gzipped, with the engine's IDX reader. Nothing is downloaded here: the comparison must not time or depend on the
 * network ({@code simdae.engine.io.Mnist} can populate the cache).
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

    /** An IDX3 unsigned-byte file (or its {@code .gz}) as floats 0–255, read with the engine's {@link IdxReader}. */
    public static float[] images(Path p) throws IOException {
        if (!Files.exists(p) && Files.exists(Path.of(p + ".gz"))) p = Path.of(p + ".gz");
        if (!Files.exists(p)) {
            throw new IOException(p + " not found: put the raw MNIST IDX files (train-images-idx3-ubyte, t10k-images-idx3-ubyte) in " + dir());
        }
        IdxArray a = IdxReader.read(p, false);
        int[] dims = a.header().dims();
        if (dims.length != 3 || dims[1] * dims[2] != 784) throw new IOException(p + ": expected n×28×28 images, got " + Arrays.toString(dims));
        return a.values();
    }
}
