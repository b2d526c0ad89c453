package simdae.cli.data;

import simdae.engine.io.IdxReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import simdae.engine.data.Dataset;

/**
 * MNIST by name: the standard 60,000 training and 10,000 test digits, fetched once into a verified cache (see
 * {@link MnistOptions} for where from) and loaded as 28 × 28 image rows with pixels in [0, 1], labels 0..9 and
 * class names "0".."9".
 */
public final class Mnist {
    private Mnist() {}

    /** The training split with default options. @throws IOException see {@link #load(boolean, MnistOptions)} */
    public static Dataset train() throws IOException {
        return load(true, new MnistOptions());
    }

    /** The test split with default options. @throws IOException see {@link #load(boolean, MnistOptions)} */
    public static Dataset test() throws IOException {
        return load(false, new MnistOptions());
    }

    /**
     * Loads one split, fetching its two files into the cache first if needed.
     *
     * @param train true for the 60,000 training digits, false for the 10,000 test digits
     * @throws MnistUnavailableException when a file is neither cached nor obtainable from any source
     * @throws DataFormatException       when a verified file still fails to parse (cannot happen with the standard
     *                                   hashes, but can with injected ones)
     * @throws IOException               when the cache cannot be read or written
     */
    public static Dataset load(boolean train, MnistOptions opts) throws IOException {
        MnistCache cache = new MnistCache(opts.cacheDir(), opts.hashes());
        // All four at once: every source delivers them together, so a later split never fetches again.
        ensure(cache, opts, MnistFile.values());
        Dataset d = IdxReader.readImages(cache.path(MnistFile.images(train)), cache.path(MnistFile.labels(train)), opts.rawValues());
        return new Dataset(d.x(), d.n(), d.d(), d.labels(), d.classNames(), d.rows(), d.cols(), "mnist:" + (train ? "train" : "test"));
    }

    /**
     * Makes sure all four files are cached and verified, fetching what is missing.
     *
     * @return the cache folder
     * @throws MnistUnavailableException when a file is not obtainable; the message lists every attempt
     * @throws IOException               when the cache cannot be read or written
     */
    public static Path ensureCached(MnistOptions opts) throws IOException {
        MnistCache cache = new MnistCache(opts.cacheDir(), opts.hashes());
        ensure(cache, opts, MnistFile.values());
        return cache.dir();
    }

    /** Whether all four files are cached with the right hashes (default options). @throws IOException on read errors */
    public static boolean isCached() throws IOException {
        return isCached(new MnistOptions());
    }

    /** Whether all four files are cached with the right hashes. @throws IOException when a file cannot be read */
    public static boolean isCached(MnistOptions opts) throws IOException {
        MnistCache cache = new MnistCache(opts.cacheDir(), opts.hashes());
        for (MnistFile f : MnistFile.values()) if (!cache.isValid(f)) return false;
        return true;
    }

    private static void ensure(MnistCache cache, MnistOptions opts, MnistFile... files) throws IOException {
        List<MnistSource> sources = null;
        List<MnistSource> failed = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        try {
            for (MnistFile f : files) {
                if (cache.isValid(f)) continue;
                if (sources == null) sources = opts.sources();
                try {
                    cache.ensure(f, sources, failed, attempts, opts.listener());
                } catch (MnistUnavailableException e) {
                    throw new MnistUnavailableException(message(f, cache, sources, attempts));
                }
            }
        } finally {
            if (sources != null) for (MnistSource s : sources) closeQuietly(s);
        }
    }

    private static String message(MnistFile f, MnistCache cache, List<MnistSource> sources, List<String> attempts) {
        StringBuilder sb = new StringBuilder("MNIST file " + f.fileName + " is not available; tried:");
        sb.append("\n  - cache ").append(cache.dir()).append(": not there or not verified");
        for (String a : attempts) sb.append("\n  - ").append(a);
        if (sources.isEmpty()) sb.append("\n  - (no sources configured)");
        sb.append("\nTo provide the files by hand, put train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and")
          .append(" t10k-labels-idx1-ubyte (raw or .gz, from any MNIST mirror) in a folder and set ")
          .append(MnistOptions.DIR_ENV).append("=<folder> (or -D").append(MnistOptions.DIR_PROPERTY).append("=<folder>),")
          .append(" or copy the raw files into ").append(cache.dir()).append('.');
        return sb.toString();
    }

    private static void closeQuietly(MnistSource s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Only temporary files are at stake.
        }
    }
}
