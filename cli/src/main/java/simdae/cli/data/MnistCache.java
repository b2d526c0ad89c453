package simdae.cli.data;

import simdae.engine.io.Compression;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The folder of verified, uncompressed MNIST files. A file only ever appears under its final name complete and
 * with the expected SHA-256: it is written to a temporary file in the same folder, forced to disk, verified, and
 * then renamed atomically. An interrupted fetch leaves at most a {@code .part} file, which is never mistaken for the
 * real one (and is cleaned up by a later fetch once stale).
 */
public final class MnistCache {
    private static final Duration STALE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;
    private final Map<MnistFile, String> hashes;

    /** @param dir the cache folder (created on demand) @param hashes expected SHA-256 per file, lower-case hex */
    public MnistCache(Path dir, Map<MnistFile, String> hashes) {
        this.dir = dir;
        this.hashes = new EnumMap<>(hashes);
    }

    /** The cache folder. */
    public Path dir() { return dir; }

    /** Where {@code file} lives in the cache, whether or not it is there yet. */
    public Path path(MnistFile file) { return dir.resolve(file.fileName); }

    /** The expected hash of {@code file}. */
    public String expectedHash(MnistFile file) {
        String h = hashes.get(file);
        if (h == null) throw new IllegalStateException("no expected SHA-256 for " + file.fileName);
        return h;
    }

    /**
     * Whether {@code file} is cached with the expected hash. Reads the whole file: a cheap existence test would
     * trust a file some other tool truncated.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public boolean isValid(MnistFile file) throws IOException {
        Path p = path(file);
        return Files.isRegularFile(p) && expectedHash(file).equals(sha256(p));
    }

    /**
     * Returns the cached {@code file}, fetching it from the first source that provides the right bytes. A cached
     * copy with the wrong hash is reported through {@code listener} and replaced. Sources listed in {@code failed}
     * are skipped and those that fail are added, so a dead mirror costs one timeout per run, not one per file.
     *
     * @param attempts receives one line per source tried and why it failed
     * @throws MnistUnavailableException when no source provides it (the caller adds the attempts to its message)
     * @throws IOException               when the cache folder cannot be created
     */
    public Path ensure(MnistFile file, List<MnistSource> sources, List<MnistSource> failed, List<String> attempts,
                       ProgressListener listener) throws IOException {
        Path target = path(file);
        if (Files.isRegularFile(target)) {
            String got = sha256(target);
            if (got.equals(expectedHash(file))) return target;
            String msg = "cached " + target + " has SHA-256 " + got + ", expected " + expectedHash(file) + "; fetching it again";
            listener.message(msg);
            attempts.add(msg);
        }
        Files.createDirectories(dir);
        cleanStale(file);
        for (MnistSource s : sources) {
            if (failed.contains(s)) continue;
            listener.message("fetching " + file.fileName + " from " + s.description());
            try (InputStream in = s.open(file, listener)) {
                store(file, in);
                return target;
            } catch (IOException | RuntimeException e) {
                failed.add(s);
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                attempts.add(s.description() + ": " + why);
                listener.message(s.description() + " failed: " + why);
            }
        }
        throw new MnistUnavailableException(file.fileName + " is not available");
    }

    /**
     * Writes the (possibly gzip) content of {@code in} as {@code file}, atomically, if its SHA-256 matches.
     *
     * @throws IOException when reading or writing fails or the hash does not match (the cache is then unchanged)
     */
    public void store(MnistFile file, InputStream in) throws IOException {
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only, and the cache should get the usual umask.
        Path tmp = dir.resolve(file.fileName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
        boolean moved = false;
        try {
            MessageDigest md = sha256();
            try (InputStream src = Compression.decompressing(in);
                 FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = src.read(buf)) > 0; ) {
                    md.update(buf, 0, r);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
                    while (bb.hasRemaining()) ch.write(bb);
                }
                // Forced before the rename so a crash cannot leave a complete-looking name over missing data.
                ch.force(true);
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(expectedHash(file)))
                throw new IOException("SHA-256 mismatch for " + file.fileName + ": got " + got + ", expected " + expectedHash(file));
            Files.move(tmp, path(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /** Removes leftovers of fetches that died more than an hour ago; a younger one may belong to a live process. */
    private void cleanStale(MnistFile file) {
        Instant cutoff = Instant.now().minus(STALE);
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, file.fileName + ".*.part")) {
            for (Path p : ds) if (Files.getLastModifiedTime(p).compareTo(FileTime.from(cutoff)) < 0) old.add(p);
            for (Path p : old) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Litter is harmless; failing the fetch over it would not be.
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes as stored. @throws IOException when it cannot be read */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
