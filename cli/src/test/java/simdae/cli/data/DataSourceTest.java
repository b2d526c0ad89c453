package simdae.cli.data;

import simdae.engine.io.CsvOptions;
import simdae.engine.io.DataFormatException;
import simdae.engine.io.IdxWriter;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.data.Dataset;

class DataSourceTest {
    @TempDir Path dir;

    private static final byte[] PX = {0, (byte) 255, 51, 102, 0, 0, 10, 20};

    private void images(Path p, boolean gz) throws IOException {
        IdxWriter.writeUbyte(p, new int[] {2, 2, 2}, PX, gz);
    }

    private void labels(Path p, boolean gz) throws IOException {
        IdxWriter.writeUbyte(p, new int[] {2}, new byte[] {4, 1}, gz);
    }

    @Test
    void idxImagesArePairedWithLabelsBesideThem() throws IOException {
        Path img = dir.resolve("train-images-idx3-ubyte.gz");
        images(img, true);
        Dataset unlabelled = DataSource.load(img.toString(), new DataOptions());
        assertFalse(unlabelled.hasLabels());
        assertEquals(2, unlabelled.rows());
        labels(dir.resolve("train-labels-idx1-ubyte"), false);
        Dataset d = DataSource.load(img.toString(), new DataOptions());
        assertArrayEquals(new int[] {4, 1}, d.labels());
        assertEquals(1f, d.x()[1]);
        assertEquals(255f, DataSource.load(img.toString(), new DataOptions().rawValues(true)).x()[1]);

        Path foo = dir.resolve("foo-images.idx");
        images(foo, false);
        labels(dir.resolve("foo-labels.idx.gz"), true);
        assertArrayEquals(new int[] {4, 1}, DataSource.load(foo.toString(), new DataOptions()).labels());

        Path other = dir.resolve("other-labels");
        IdxWriter.writeUbyte(other, new int[] {2}, new byte[] {0, 0}, false);
        assertArrayEquals(new int[] {0, 0}, DataSource.load(foo.toString(), new DataOptions().labels(other)).labels());
    }

    @Test
    void csvByExtensionAndTsvDefaultsToTabs() throws IOException {
        Path c = dir.resolve("a.csv"), t = dir.resolve("a.tsv");
        Files.writeString(c, "x,y,label\n1,2,n\n3,4,a\n");
        Files.writeString(t, "x\ty\n1\t2\n");
        Dataset d = DataSource.load(c.toString(), new DataOptions().csv(new CsvOptions().labelColumn("label")));
        assertArrayEquals(new String[] {"a", "n"}, d.classNames());
        assertEquals(2, DataSource.load(t.toString(), new DataOptions()).d());
    }

    @Test
    void otherNamesAreSniffedByContent() throws IOException {
        Path idx = dir.resolve("mystery1"), text = dir.resolve("mystery2"), bin = dir.resolve("mystery3");
        images(idx, true);
        Files.writeString(text, "1,2,3\n4,5,6\n");
        Files.write(bin, new byte[] {1, 0, 2, 0, 3});
        assertEquals(4, DataSource.load(idx.toString(), new DataOptions()).d());
        assertEquals(3, DataSource.load(text.toString(), new DataOptions()).d());
        assertEquals("mystery3: neither an IDX file nor text; DATA is mnist, mnist:train, mnist:test, an IDX images file or a CSV file",
                assertThrows(DataFormatException.class, () -> DataSource.load(bin.toString(), new DataOptions())).getMessage());
    }

    @Test
    void unknownSpecsGetOneLineErrors() {
        String missing = dir.resolve("nope.csv").toString();
        String m = assertThrows(NoSuchFileException.class, () -> DataSource.load(missing, new DataOptions())).getMessage();
        assertEquals(missing + ": no such file; DATA is mnist, mnist:train, mnist:test, an IDX images file or a CSV file", m);
        assertEquals("mnist:validation: unknown MNIST split 'validation' (use mnist, mnist:train or mnist:test)",
                assertThrows(DataFormatException.class, () -> DataSource.load("mnist:validation", new DataOptions())).getMessage());
        assertThrows(NoSuchFileException.class, () -> DataSource.load(dir.toString(), new DataOptions()));
    }

    @Test
    void mnistNamesRouteToTheRightSplit() throws IOException {
        Map<MnistFile, byte[]> files = new EnumMap<>(MnistFile.class);
        Map<MnistFile, String> hashes = new EnumMap<>(MnistFile.class);
        for (boolean train : new boolean[] {true, false}) {
            int n = train ? 3 : 1;
            Path i = dir.resolve("i" + train), l = dir.resolve("l" + train);
            IdxWriter.writeUbyte(i, new int[] {n, 1, 1}, new byte[n], false);
            IdxWriter.writeUbyte(l, new int[] {n}, new byte[n], false);
            files.put(MnistFile.images(train), Files.readAllBytes(i));
            files.put(MnistFile.labels(train), Files.readAllBytes(l));
            hashes.put(MnistFile.images(train), MnistCache.sha256(i));
            hashes.put(MnistFile.labels(train), MnistCache.sha256(l));
        }
        MnistSource fake = new MnistSource() {
            @Override public String description() { return "fake"; }
            @Override public InputStream open(MnistFile f, ProgressListener l) { return new ByteArrayInputStream(files.get(f)); }
        };
        DataOptions o = new DataOptions().mnist(new MnistOptions().cacheDir(dir.resolve("cache")).hashes(hashes).sources(List.of(fake)));
        assertEquals(3, DataSource.load("mnist", o).n());
        assertEquals(3, DataSource.load("mnist:train", o).n());
        assertEquals(1, DataSource.load("MNIST:test", o).n());
        assertEquals("mnist:test", DataSource.load("mnist:test", o).source());
    }
}
