package simdae.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import simdae.engine.data.Dataset;

/**
 * Fuzz targets for the IDX reader. Every input ends in a result or a {@link DataFormatException}; any other
 * exception, an {@link OutOfMemoryError} or a hang is a finding. The file and stream readers must agree.
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays the seeds and saved crashers in
 * {@code src/test/resources/simdae/engine/io/IdxReaderFuzzTestInputs/}; {@code .ci/fuzz} fuzzes them.
 */
class IdxReaderFuzzTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = scratchDir("simdae-idx-fuzz");
    }

    /** A temporary folder, in memory (/dev/shm) where there is one: every input is written to a file, so this is
     *  most of a target's speed (3-4 times as many executions per second here). */
    static Path scratchDir(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) return Files.createTempDirectory(shm, prefix);
        return Files.createTempDirectory(prefix);
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.delete(p);
        }
        Files.delete(dir);
    }

    /** The bytes as a file (raw, or gzip when they start with its magic), through every public entry point. */
    @FuzzTest(maxDuration = "30s")
    void readFile(byte[] data) throws IOException {
        check(data);
    }

    /** The bytes gzip-compressed, so mutations of the IDX content reach the size-unknown (streaming) path. */
    @FuzzTest(maxDuration = "30s")
    void readGzipped(byte[] data) throws IOException {
        check(gzip(data));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void check(byte[] data) throws IOException {
        Path f = dir.resolve("fuzz.idx");
        Files.write(f, data);

        IdxArray fromFile = null;
        try {
            fromFile = IdxReader.read(f, false);
            assertEquals(fromFile.header().elements(), fromFile.values().length);
        } catch (DataFormatException expected) {
            // a refusal is a correct answer
        }
        IdxArray fromStream = null;
        try {
            fromStream = IdxReader.read(new ByteArrayInputStream(data), "fuzz.idx", false);
        } catch (DataFormatException expected) {
            // a refusal is a correct answer
        }
        // A raw file's length is checked against its header before reading, a stream's only as it arrives: the
        // answers may differ in wording, never in outcome.
        if ((fromFile == null) != (fromStream == null)) {
            throw new AssertionError("file reader " + (fromFile == null ? "refused" : "accepted") + " what the stream reader "
                    + (fromStream == null ? "refused" : "accepted"));
        }
        if (fromFile != null) {
            assertEquals(fromFile.header(), fromStream.header());
            assertArrayEquals(fromFile.values(), fromStream.values());
        }

        IdxHeader header = null;
        try {
            header = IdxReader.readHeader(f);
        } catch (DataFormatException expected) {
            // a refusal is a correct answer
        }
        if (fromFile != null && !fromFile.header().equals(header)) throw new AssertionError("readHeader disagrees with read: " + header);
        boolean looks = IdxReader.looksLikeIdx(f);
        if (fromFile != null && !looks) throw new AssertionError("a readable IDX file does not look like one");

        try {
            int[] labels = IdxReader.readLabels(f);
            if (fromFile == null) throw new AssertionError("readLabels accepted a file read refused");
            assertEquals(fromFile.values().length, labels.length);
        } catch (DataFormatException expected) {
            // a refusal is a correct answer (also for float types and shapes labels cannot have)
        }
        try {
            Dataset d = IdxReader.readImages(f, null, false);
            assertEquals(d.n() * (long) d.d(), d.x().length);
            Dataset labelled = IdxReader.readImages(f, f, true); // the same file as its own labels
            assertEquals(labelled.n(), labelled.labels().length);
        } catch (DataFormatException expected) {
            // a refusal is a correct answer
        }
    }
}
