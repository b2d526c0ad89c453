package simdae.engine.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.data.Dataset;

class CsvReaderTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String error(Path p, CsvOptions o) {
        return assertThrows(DataFormatException.class, () -> CsvReader.read(p, o)).getMessage();
    }

    @Test
    void headerIsAutoDetectedAndBlankLinesSkipped() throws IOException {
        Dataset h = CsvReader.read(file("h.csv", "a,b\n\n1,2\r\n   \n3.5,-4e-1\n"), new CsvOptions());
        assertEquals(2, h.n());
        assertArrayEquals(new float[] {1, 2, 3.5f, -0.4f}, h.x());
        Dataset nh = CsvReader.read(file("nh.csv", "1,2\n3,4"), new CsvOptions());
        assertArrayEquals(new float[] {1, 2, 3, 4}, nh.x());
        assertFalse(nh.hasLabels());
        // Forcing the choice overrides detection either way.
        assertEquals(1, CsvReader.read(file("f.csv", "1,2\n3,4\n"), new CsvOptions().header(CsvOptions.Header.PRESENT)).n());
        assertEquals("x.csv:1:1: not a number: \"a\"", error(file("x.csv", "a,b\n1,2\n"), new CsvOptions().header(CsvOptions.Header.ABSENT)));
    }

    @Test
    void quotedFieldsFollowRfc4180() throws IOException {
        String text = "\"x,1\",\"say \"\"hi\"\"\",lab\n"
                + "\"1.5\",2,\"cat, black\"\n"
                + "3,\" 4 \",\"multi\nline\"\n"
                + "5,6,\"\"\"q\"\"\"\n";
        CsvResult r = CsvReader.readWithStats(file("q.csv", text), new CsvOptions().labelColumn("lab"));
        assertEquals(List.of("x,1", "say \"hi\""), r.stats().featureNames());
        assertArrayEquals(new float[] {1.5f, 2, 3, 4, 5, 6}, r.dataset().x());
        assertArrayEquals(new String[] {"\"q\"", "cat, black", "multi\nline"}, r.dataset().classNames());
        assertArrayEquals(new int[] {1, 2, 0}, r.dataset().labels());
    }

    @Test
    void quoteErrorsArePositioned() throws IOException {
        assertEquals("u.csv:2:2: unterminated quoted field", error(file("u.csv", "1,2\n3,\"4\n"), new CsvOptions()));
        assertEquals("g.csv:2:1: unexpected 'x' after a closing quote", error(file("g.csv", "1,2\n\"3\"x,4\n"), new CsvOptions()));
    }

    @Test
    void labelColumnByNameOrIndexWithNumericOrTextLabels() throws IOException {
        Path p = file("l.csv", "f1,class,f2\n1,9,2\n3,10,4\n5,9,6\n");
        Dataset byName = CsvReader.read(p, new CsvOptions().labelColumn("class"));
        Dataset byIndex = CsvReader.read(p, new CsvOptions().labelColumn(1));
        Dataset bySpec = CsvReader.read(p, new CsvOptions().labelColumn("1"));
        for (Dataset d : List.of(byName, byIndex, bySpec)) {
            assertEquals(2, d.d());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.x());
            assertArrayEquals(new String[] {"9", "10"}, d.classNames(), "numeric labels sort numerically");
            assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        }
        Dataset text = CsvReader.read(file("t.csv", "dog,1\ncat,2\ndog,3\n"), new CsvOptions().labelColumn(0));
        assertArrayEquals(new String[] {"cat", "dog"}, text.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, text.labels());
        assertArrayEquals(new float[] {1, 2, 3}, text.x());
    }

    @Test
    void badColumnReferencesAreClear() throws IOException {
        Path p = file("c.csv", "a,b\n1,2\n");
        assertEquals("c.csv: no label column named 'z'; columns are a, b", error(p, new CsvOptions().labelColumn("z")));
        assertEquals("c.csv: label column index 5 is out of range: the file has 2 columns (0..1)", error(p, new CsvOptions().labelColumn(5)));
        assertEquals("n.csv: label column 'a' is a name, but the file has no header",
                error(file("n.csv", "1,2\n"), new CsvOptions().labelColumn("a").header(CsvOptions.Header.ABSENT)));
        assertEquals("c.csv: no feature columns left after removing the label and ignored columns",
                error(p, new CsvOptions().labelColumn("a").ignoreColumns("b")));
    }

    @Test
    void ignoredColumnsByNameAndIndex() throws IOException {
        Path p = file("i.csv", "id,x,note,y\n7,1,hello,2\n8,3,world,4\n");
        CsvResult r = CsvReader.readWithStats(p, new CsvOptions().ignoreColumns("id").ignoreColumns(2));
        assertEquals(List.of("x", "y"), r.stats().featureNames());
        assertArrayEquals(new float[] {1, 2, 3, 4}, r.dataset().x());
        // Without a header, text in an ignored column must not make the first row look like one.
        Dataset nh = CsvReader.read(file("j.csv", "7,1,hello,2\n8,3,world,4\n"), new CsvOptions().ignoreColumns(0, 2));
        assertEquals(2, nh.n());
    }

    @Test
    void badCellsNaNInfinityAndRaggedRowsFailWithPosition() throws IOException {
        CsvOptions o = new CsvOptions();
        assertEquals("b.csv:3:2: not a number: \"abc\"", error(file("b.csv", "a,b\n1,2\n3,abc\n"), o));
        assertEquals("e.csv:2:1: empty cell", error(file("e.csv", "1,2\n,4\n"), o));
        assertEquals("n.csv:2:2: NaN is not allowed (\"NaN\")", error(file("n.csv", "1,2\n3,NaN\n"), o));
        assertEquals("i.csv:1:1: infinity is not allowed (\"-Infinity\")", error(file("i.csv", "-Infinity,2\n"), o));
        assertEquals("o.csv:1:2: \"1e39\" is outside the float32 range", error(file("o.csv", "1,1e39\n"), o));
        assertEquals("s.csv:2:1: not a number: \"1f\"", error(file("s.csv", "1,2\n1f,2\n"), o));
        assertEquals("r.csv:3:3: ragged row: expected 2 fields, found 3", error(file("r.csv", "1,2\n\n3,4,5\n"), o));
        assertEquals("r2.csv:2:2: ragged row: expected 2 fields, found 1", error(file("r2.csv", "1,2\n3\n"), o));
        assertEquals("l.csv:2:1: empty label", error(file("l.csv", "1,2\n ,4\n"), new CsvOptions().labelColumn(0)));
    }

    @Test
    void badRowsCanBeSkippedAndCounted() throws IOException {
        Path p = file("s.csv", "a,b,c\n1,2,x\n3,4,y\n5,oops,x\n6\n7,8,z\n9,NaN,x\n");
        CsvResult r = CsvReader.readWithStats(p, new CsvOptions().labelColumn("c").skipBadRows(true));
        assertEquals(3, r.stats().skippedRows());
        assertEquals(3, r.stats().rows());
        assertEquals("s.csv:4:2: not a number: \"oops\"", r.stats().firstSkipReason());
        assertArrayEquals(new float[] {1, 2, 3, 4, 7, 8}, r.dataset().x());
        assertArrayEquals(new String[] {"x", "y", "z"}, r.dataset().classNames());
        assertTrue(r.dataset().source().endsWith("(3 bad rows skipped)"));
        CsvResult clean = CsvReader.readWithStats(file("ok.csv", "1,2\n"), new CsvOptions().skipBadRows(true));
        assertEquals(0, clean.stats().skippedRows());
        assertNull(clean.stats().firstSkipReason());
    }

    @Test
    void otherDelimitersBomAndGzip() throws IOException {
        Dataset t = CsvReader.read(file("t.tsv", "\uFEFFa\tb\n1\t2\n"), new CsvOptions().delimiter('\t'));
        assertArrayEquals(new float[] {1, 2}, t.x());
        Dataset s = CsvReader.read(file("s.csv", "1;2,5\n"), new CsvOptions().delimiter(';'));
        assertEquals(2, s.d(), "comma is just text with ';' as delimiter");
        Path gz = dir.resolve("z.csv");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(new float[] {1, 2}, CsvReader.read(gz, new CsvOptions()).x());
        assertEquals("empty.csv: no data: the file is empty", error(file("empty.csv", "\n\n"), new CsvOptions()));
    }

    @Test
    void streamingBlocksEqualTheWholeRead() throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("f0,f1,f2,label\n");
        String[] kinds = {"b", "a", "c"};
        for (int i = 0; i < 1003; i++) {
            sb.append(rnd.nextGaussian()).append(',').append(rnd.nextInt(100)).append(",\"").append(rnd.nextFloat()).append("\",")
              .append(kinds[rnd.nextInt(3)]).append(i % 10 == 0 ? "\r\n\r\n" : "\n");
        }
        Path p = file("big.csv", sb.toString());
        CsvOptions o = new CsvOptions().labelColumn("label");
        Dataset whole = CsvReader.read(p, o);
        assertEquals(1003, whole.n());
        for (int blockRows : new int[] {1, 64, 1000, 5000}) {
            List<float[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            long[] expectFirst = {0};
            CsvStats st = CsvReader.stream(p, o, blockRows, b -> {
                assertEquals(expectFirst[0], b.firstRow());
                assertTrue(b.rows() >= 1 && b.rows() <= blockRows);
                for (int i = 0; i < b.rows(); i++) {
                    rows.add(Arrays.copyOfRange(b.x(), i * b.d(), (i + 1) * b.d()));
                    labels.add(b.classNames().get(b.labels()[i]));
                }
                expectFirst[0] += b.rows();
            });
            assertEquals(1003, st.rows());
            assertEquals(whole.n(), rows.size());
            for (int i = 0; i < whole.n(); i++) {
                assertArrayEquals(whole.row(i), rows.get(i), "row " + i + " with blocks of " + blockRows);
                assertEquals(whole.classNames()[whole.labels()[i]], labels.get(i));
            }
        }
    }

    @Test
    void aVeryWideFileReadsInBoundedBlocks() throws IOException {
        // 600,000 columns: a block of 4096 such rows would be 2.4 G floats (an IllegalArgumentException, and 64 MB
        // already for a 4,096-column line of 8 KB). Blocks now hold at most 2^20 values, or one row.
        int d = 600_000;
        StringBuilder sb = new StringBuilder(2 * d * 2 + 2);
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < d; j++) sb.append(j == 0 ? "" : ",").append(j % 10);
            sb.append('\n');
        }
        Path p = file("wide.csv", sb.toString());
        Dataset w = CsvReader.read(p, new CsvOptions());
        assertEquals(2, w.n());
        assertEquals(d, w.d());
        assertEquals(9f, w.x()[d + 599_999]);
        int[] most = {0};
        CsvReader.stream(p, new CsvOptions(), 4096, b -> most[0] = Math.max(most[0], b.x().length));
        assertEquals(d, most[0], "one row per block");
    }
}
