package simdae.cli.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files are written into a hidden temporary folder inside the report directory and moved into place only once all
 * of them exist, each by an atomic rename (same file system). A run that fails while rendering or writing leaves
 * the directory as it was; {@code index.html} is moved last, so a page never points at figures still missing.
 */
final class StagingDirectory implements AutoCloseable {
    private final Path dir;
    private final Path staging;
    private final List<String> staged = new ArrayList<>();

    private StagingDirectory(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /**
     * Creates {@code dir} if needed and a staging folder inside it.
     *
     * @throws IOException with a one-line message when {@code dir} (or a parent) is an existing file
     */
    static StagingDirectory in(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException("report directory " + dir + " is an existing file, not a directory");
        }
        // The nearest existing ancestor decides whether the folders can be made; name it rather than let
        // createDirectories report a bare "Not a directory".
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) continue;
            if (!Files.isDirectory(p)) throw new IOException("cannot create report directory " + dir + ": " + p + " is an existing file");
            break;
        }
        Files.createDirectories(abs);
        return new StagingDirectory(abs, Files.createTempDirectory(abs, ".simdae-report-"));
    }

    /** Writes {@code bytes} as {@code name} in the staging folder. */
    void stage(String name, byte[] bytes) throws IOException {
        Files.write(staging.resolve(name), bytes);
        staged.add(name);
    }

    /** Moves every staged file into the report directory, in staging order; returns their final paths. */
    List<Path> commit() throws IOException {
        List<Path> out = new ArrayList<>(staged.size());
        for (String name : staged) {
            Path target = dir.resolve(name);
            try {
                Files.move(staging.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
            }
            out.add(target);
        }
        return out;
    }

    /** The report directory (absolute). */
    Path directory() {
        return dir;
    }

    /** Deletes the staging folder and whatever is still in it. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(staging)) return;
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
