package simdae.engine.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import simdae.engine.data.Dataset;

class IdxReaderTest {
    @TempDir Path dir;

    private static double[] sample(IdxType t, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            switch (t) {
                case UBYTE: v[i] = (i * 37) % 256; break;
                case BYTE: v[i] = (i * 37) % 256 - 128; break;
                case SHORT: v[i] = (i * 7919) % 65536 - 32768; break;
                case INT: v[i] = (i * 1_000_003L) % 4_000_000 - 2_000_000; break; // exact as float below 2^24
                case FLOAT: v[i] = (float) (i * 0.37 - 5); break;
                default: v[i] = i * 0.125 - 3;
            }
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void roundTripsEveryTypeRawAndGzipInSeveralRanks(IdxType t) throws IOException {
        int[][] shapes = {{7}, {3, 4, 5}, {2, 3, 2, 2}};
        for (int[] dims : shapes) {
            int count = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
            double[] v = sample(t, count);
            for (boolean gz : new boolean[] {false, true}) {
                Path f = dir.resolve(t + "-" + dims.length + (gz ? "-z" : ""));
                IdxWriter.write(f, t, dims, v, gz);
                assertEquals(gz, Compression.isGzip(f));
                IdxArray a = IdxReader.read(f, false);
                assertEquals(t, a.header().type());
                assertArrayEquals(dims, a.header().dims());
                for (int i = 0; i < count; i++) assertEquals((float) v[i], a.values()[i], 0f, "element " + i);
                if (t.isInteger() && dims.length == 1) {
                    int[] ints = IdxReader.readLabels(f);
                    for (int i = 0; i < count; i++) assertEquals((int) v[i], ints[i]);
                }
            }
        }
    }

    @Test
    void ubyteImagesAreScaledUnlessRawAndLabelsPaired() throws IOException {
        byte[] px = new byte[3 * 2 * 2];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 20);
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxWriter.writeUbyte(img, new int[] {3, 2, 2}, px, false);
        IdxWriter.writeUbyte(lab, new int[] {3}, new byte[] {7, 2, 7}, true);
        Dataset d = IdxReader.readImages(img, lab, false);
        assertEquals(3, d.n());
        assertEquals(4, d.d());
        assertEquals(2, d.rows());
        assertEquals(2, d.cols());
        assertEquals(220 / 255f, d.x()[11], 1e-7f);
        assertArrayEquals(new int[] {7, 2, 7}, d.labels());
        assertEquals(8, d.classNames().length);
        assertEquals("7", d.classNames()[7]);
        Dataset raw = IdxReader.readImages(img, null, true);
        assertEquals(220f, raw.x()[11]);
        assertFalse(raw.hasLabels());
    }

    @Test
    void labelsOutsideSmallRangeMapToSortedDistinctClasses() throws IOException {
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxWriter.write(img, IdxType.FLOAT, new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6}, false);
        IdxWriter.write(lab, IdxType.INT, new int[] {3}, new double[] {100000, -5, 100000}, false);
        Dataset d = IdxReader.readImages(img, lab, false);
        assertArrayEquals(new String[] {"-5", "100000"}, d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        assertEquals(0, d.rows());
    }

    @Test
    void countMismatchBetweenImagesAndLabelsIsReported() throws IOException {
        Path img = dir.resolve("a-images"), lab = dir.resolve("a-labels");
        IdxWriter.writeUbyte(img, new int[] {3, 1}, new byte[3], false);
        IdxWriter.writeUbyte(lab, new int[] {2}, new byte[2], false);
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img, lab, false));
        assertEquals("a-images: has 3 items but its labels file a-labels has 2", e.getMessage());
    }

    private static byte[] header(int type, int... dims) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeShort(0);
        o.writeByte(type);
        o.writeByte(dims.length);
        for (int v : dims) o.writeInt(v);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) { g.write(raw); }
        return b.toByteArray();
    }

    private DataFormatException fails(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return assertThrows(DataFormatException.class, () -> IdxReader.read(f, false));
    }

    @Test
    void badMagicUnknownTypeAndBadRankHaveSpecificMessages() throws IOException {
        assertEquals("m: not an IDX file: bad magic 01000801 (the first two bytes must be zero)",
                fails("m", new byte[] {1, 0, 8, 1, 0, 0, 0, 1, 5}).getMessage());
        assertEquals("t: unknown IDX type code 0x0A (expected 08 ubyte, 09 byte, 0B short, 0C int, 0D float or 0E double)",
                fails("t", concat(header(0x0A, 1), new byte[1])).getMessage());
        assertEquals("z: bad IDX dimension count 0 (expected 1..8)", fails("z", new byte[] {0, 0, 8, 0}).getMessage());
        assertEquals("n: bad IDX dimension count 9 (expected 1..8)",
                fails("n", concat(header(8, 1, 1, 1, 1, 1, 1, 1, 1, 1), new byte[1])).getMessage());
        assertEquals("d: IDX dimension 1 is zero", fails("d", header(8, 3, 0)).getMessage());
    }

    @Test
    void hugeClaimedDimensionsFailBeforeAllocatingRawAndGzip() throws IOException {
        byte[] h = header(0x0E, 1 << 31, 1 << 31); // 12 bytes of header: 2^31 x 2^31 doubles
        byte[] file = concat(h, new byte[8]);
        assertEquals(20, file.length);
        String msg = "IDX header claims 2147483648 x 2147483648 elements, more than the 2147483639 a Java array can hold";
        assertEquals("huge: " + msg, fails("huge", file).getMessage());
        assertEquals("huge.gz: " + msg, fails("huge.gz", gzip(file)).getMessage());
        // Under the element cap but far beyond the file: caught by the length check (raw) or by the early end (gzip).
        byte[] big = concat(header(0x0E, 60000, 30000), new byte[8]);
        assertEquals("big: truncated: header claims 14400000000 bytes of data (double 60000x30000), file has 8",
                fails("big", big).getMessage());
        assertEquals("big.gz: truncated: header claims 14400000000 bytes of data (double 60000x30000), file has 8",
                fails("big.gz", gzip(big)).getMessage());
    }

    @Test
    void everyTruncationPointFailsAsTruncatedRawAndGzip() throws IOException {
        Path f = dir.resolve("full");
        IdxWriter.write(f, IdxType.SHORT, new int[] {3, 2, 2}, sample(IdxType.SHORT, 12), false);
        byte[] full = Files.readAllBytes(f);
        assertEquals(16 + 24, full.length);
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            for (boolean gz : new boolean[] {false, true}) {
                String msg = fails("cut", gz ? gzip(part) : part).getMessage();
                String expected = cut < 16 ? "cut: truncated IDX header: file ends after "
                        : "cut: truncated: header claims 24 bytes of data (short 3x2x2), file has " + (cut - 16);
                assertTrue(msg.startsWith(expected), "cut at " + cut + (gz ? " (gzip)" : "") + ": " + msg);
            }
        }
    }

    @Test
    void truncatedGzipStreamItselfIsADataFormatError() throws IOException {
        Path f = dir.resolve("ok");
        IdxWriter.write(f, IdxType.INT, new int[] {50}, sample(IdxType.INT, 50), true);
        byte[] z = Files.readAllBytes(f);
        for (int cut = 3; cut < z.length; cut += 7) {
            String msg = fails("zcut", Arrays.copyOf(z, cut)).getMessage();
            assertTrue(msg.startsWith("zcut: "), msg);
        }
    }

    @Test
    void trailingBytesAreRejectedRawAndGzip() throws IOException {
        byte[] file = concat(header(8, 2), new byte[] {1, 2, 3, 4, 5});
        String expected = ": 3 trailing bytes after the 2 bytes of data the header describes (ubyte 2)";
        assertEquals("tr" + expected, fails("tr", file).getMessage());
        assertEquals("tr.gz" + expected, fails("tr.gz", gzip(file)).getMessage());
    }

    @Test
    void gzipIsDetectedByMagicNotByName() throws IOException {
        byte[] raw = concat(header(8, 3), new byte[] {1, 2, 3});
        Path zippedIdx = dir.resolve("data.idx"), rawGz = dir.resolve("data.gz");
        Files.write(zippedIdx, gzip(raw));
        Files.write(rawGz, raw);
        assertArrayEquals(new int[] {1, 2, 3}, IdxReader.readLabels(zippedIdx));
        assertArrayEquals(new int[] {1, 2, 3}, IdxReader.readLabels(rawGz));
        assertTrue(IdxReader.looksLikeIdx(zippedIdx));
        assertTrue(IdxReader.looksLikeIdx(rawGz));
    }

    @Test
    void labelsMustBeIntegerAndOneDimensional() throws IOException {
        Path f = dir.resolve("fl");
        IdxWriter.write(f, IdxType.FLOAT, new int[] {2}, new double[] {1, 2}, false);
        assertEquals("fl: labels must have an integer type, file has float 2",
                assertThrows(DataFormatException.class, () -> IdxReader.readLabels(f)).getMessage());
        Path g = dir.resolve("g");
        IdxWriter.writeUbyte(g, new int[] {2, 2}, new byte[4], false);
        assertEquals("g: labels must have shape [n] or [n, 1], file has ubyte 2x2",
                assertThrows(DataFormatException.class, () -> IdxReader.readLabels(g)).getMessage());
    }

    @Test
    void labelFilesArePairedByName() throws IOException {
        assertEquals("train-labels-idx1-ubyte", IdxFiles.labelNameCandidates("train-images-idx3-ubyte").get(0));
        assertEquals("foo-labels.idx", IdxFiles.labelNameCandidates("foo-images.idx.gz").get(0));
        assertTrue(IdxFiles.labelNameCandidates("foo-images.idx").contains("foo-labels.idx.gz"));
        assertTrue(IdxFiles.labelNameCandidates("plain.idx").isEmpty());
        Path img = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(img, new byte[1]);
        assertNull(IdxFiles.findLabels(img));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[1]);
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte").toAbsolutePath(), IdxFiles.findLabels(img));
    }
}
