package simdae.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import simdae.engine.data.Dataset;

/**
 * Fuzz target for the CSV reader. Every input ends in a dataset or a {@link DataFormatException}; any other
 * exception, an {@link OutOfMemoryError} or a hang is a finding. A dataset that comes back holds only finite values,
 * and the streaming pass agrees with it row for row.
 *
 * <p>The first input byte picks the options (so the seeds stay readable: one byte, then the text):
 * bits 0-1 header AUTO / PRESENT / ABSENT / AUTO, bit 2 skip bad rows, bit 3 label column 0, bit 4 label column
 * "label" (by name), bit 5 ignore column "1", bit 6 ';' as delimiter and '\'' as quote, bit 7 gzip the rest.
 *
 * <p>Without {@code JAZZER_FUZZ} the target replays the seeds and saved crashers in
 * {@code src/test/resources/simdae/engine/io/CsvReaderFuzzTestInputs/}; {@code .ci/fuzz} fuzzes it.
 */
class CsvReaderFuzzTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = IdxReaderFuzzTest.scratchDir("simdae-csv-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.delete(p);
        }
        Files.delete(dir);
    }

    static CsvOptions options(int bits) {
        CsvOptions o = new CsvOptions();
        o.header(new CsvOptions.Header[] {CsvOptions.Header.AUTO, CsvOptions.Header.PRESENT, CsvOptions.Header.ABSENT,
                CsvOptions.Header.AUTO}[bits & 3]);
        o.skipBadRows((bits & 4) != 0);
        if ((bits & 8) != 0) o.labelColumn(0);
        if ((bits & 16) != 0) o.labelColumn("label");
        if ((bits & 32) != 0) o.ignoreColumns("1");
        if ((bits & 64) != 0) o.quote('\'').delimiter(';');
        return o;
    }

    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) throws IOException {
        if (data.length == 0) return;
        int bits = data[0] & 0xff;
        byte[] text = Arrays.copyOfRange(data, 1, data.length);
        Path f = dir.resolve("fuzz.csv");
        Files.write(f, (bits & 128) != 0 ? IdxReaderFuzzTest.gzip(text) : text);
        CsvOptions o = options(bits);

        CsvResult r;
        try {
            r = CsvReader.readWithStats(f, o);
        } catch (DataFormatException expected) {
            return; // a refusal is a correct answer
        }
        Dataset d = r.dataset();
        assertEquals(r.stats().rows(), d.n());
        assertEquals(r.stats().featureNames().size(), d.d());
        for (float v : d.x()) assertTrue(Float.isFinite(v), "non-finite value " + v + " accepted");

        // Streaming in tiny blocks gives the same rows in the same order.
        float[] streamed = new float[d.x().length];
        long[] rows = {0};
        CsvStats s = CsvReader.stream(f, o, 3, b -> {
            System.arraycopy(b.x(), 0, streamed, (int) (b.firstRow() * b.d()), b.rows() * b.d());
            rows[0] += b.rows();
        });
        assertEquals(d.n(), rows[0]);
        assertEquals(r.stats().skippedRows(), s.skippedRows());
        assertTrue(Arrays.equals(d.x(), streamed), "stream and read disagree");
    }
}
