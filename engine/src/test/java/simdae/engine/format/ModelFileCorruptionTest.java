package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simdae.engine.format.Fixtures.assertKind;
import static simdae.engine.format.Fixtures.fixCrcs;
import static simdae.engine.format.Fixtures.le;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.format.ModelFormatException.Kind;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Activation;
import simdae.engine.nn.Network;
import simdae.engine.util.SplitMix64;

class ModelFileCorruptionTest {
    private static final int HEADER = 28;

    @TempDir
    Path dir;

    private final TrainedModel model = Fixtures.small(9);
    private final byte[] good = ModelFile.toBytes(model, DType.F32);
    private final ModelWriter.Layout layout = ModelWriter.STANDARD.plan(model, DType.F32);

    private byte[] copy() {
        return good.clone();
    }

    @Test
    void theFixtureLoads() throws Exception {
        ModelFile.load(good);
        assertEquals(good.length, layout.fileLength());
    }

    @Test
    void everyTruncationIsReportedAsTruncated() throws Exception {
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            int n = len;
            assertKind(Kind.TRUNCATED, () -> ModelFile.load(cut));
            assertKind(Kind.TRUNCATED, () -> ModelFile.load(new ByteArrayInputStream(cut)));
            if (n % 97 == 0) {
                Path f = dir.resolve("cut-" + n + ".sae");
                Files.write(f, cut);
                assertTrue(assertKind(Kind.TRUNCATED, () -> ModelFile.load(f)).getMessage().contains(f.toString()));
                assertKind(Kind.TRUNCATED, () -> ModelFile.map(f));
            }
        }
    }

    /** Magic bytes → not a model, major version bytes → unsupported version, any other bit → a checksum. */
    @Test
    void everySingleBitFlipIsCaught() {
        for (int pos = 0; pos < good.length; pos++) {
            for (int bit = 0; bit < 8; bit++) assertFlipCaught(good, pos, bit);
        }
    }

    @Test
    void randomBitFlipsInTheNotebookModelAreCaught() {
        byte[] big = ModelFile.toBytes(Fixtures.notebook(1), DType.INT8);
        for (long seed = 0; seed < 300; seed++) {
            SplitMix64 r = new SplitMix64(seed);
            assertFlipCaught(big, r.nextInt(big.length), r.nextInt(8));
        }
    }

    private static void assertFlipCaught(byte[] original, int pos, int bit) {
        byte[] b = original.clone();
        b[pos] ^= (byte) (1 << bit);
        Kind expected = pos < 8 ? Kind.NOT_A_MODEL : pos < 10 ? Kind.UNSUPPORTED_VERSION : Kind.CHECKSUM_MISMATCH;
        ModelFormatException e = assertKind(expected, () -> ModelFile.load(b));
        assertTrue(e.getMessage().length() > 10, "readable message at byte " + pos);
    }

    @Test
    void otherFilesAreNotModels() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a model at all, just some text long enough\n");
        ModelFormatException e = assertKind(Kind.NOT_A_MODEL, () -> ModelFile.load(text));
        assertTrue(e.getMessage().contains("not a simdae model") && e.getMessage().contains("notes.txt"), e.getMessage());
        assertKind(Kind.NOT_A_MODEL, () -> ModelFile.map(text));
        assertKind(Kind.NOT_A_MODEL, () -> ModelFile.load("PK\3\4".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] b = copy();
        b[3] = 'X';
        assertKind(Kind.NOT_A_MODEL, () -> ModelFile.load(b));
    }

    @Test
    void aFutureMajorVersionIsRefusedByNumber() throws Exception {
        byte[] b = copy();
        le(b).putShort(8, (short) 2).putShort(10, (short) 3);
        fixCrcs(b);
        Path f = dir.resolve("future.sae");
        Files.write(f, b);
        ModelFormatException e = assertKind(Kind.UNSUPPORTED_VERSION, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("unsupported version 2.3") && e.getMessage().contains("future.sae"), e.getMessage());
        byte[] zero = copy();
        le(zero).putShort(8, (short) 0);
        assertKind(Kind.UNSUPPORTED_VERSION, () -> ModelFile.load(fixCrcs(zero)));
    }

    @Test
    void aFutureMinorVersionWithUnknownKeysAndFieldsStillLoads() throws Exception {
        List<RawEntry> extra = List.of(RawEntry.string("future.note", "from 1.7"),
                new RawEntry("future.blob", 200, new byte[] {1, 2, 3, 4, 5}), // a type this reader has never seen
                RawEntry.f64Array("future.curve", new double[] {1, 2}));
        byte[] tail = {9, 9, 9, 9, 9, 9, 9};
        byte[] b = new ModelWriter(7, extra, tail).toBytes(model, DType.F16);
        LoadedModel l = ModelFile.load(b);
        assertEquals("1.7", l.version());
        assertEquals(List.of("future.note", "future.blob", "future.curve"), l.skippedKeys());
        Fixtures.assertSameHeader(model, l.model());

        byte[] sameMinor = new ModelWriter(0, extra, new byte[0]).toBytes(model, DType.F16);
        assertEquals(3, ModelFile.load(sameMinor).skippedKeys().size(), "unknown keys are skipped in any version");
        byte[] tailAtSameMinor = new ModelWriter(0, List.of(), tail).toBytes(model, DType.F16);
        assertKind(Kind.INCONSISTENT, () -> ModelFile.load(tailAtSameMinor));
    }

    @Test
    void anUnknownDtypeIsNamed() {
        byte[] b = copy();
        b[(int) layout.tableOffset() + 28 * 2] = 9; // layer 1 weights
        ModelFormatException e = assertKind(Kind.UNKNOWN_DTYPE, () -> ModelFile.load(fixCrcs(b)));
        assertTrue(e.getMessage().contains("dtype code 9") && e.getMessage().contains("layer 1 weights"), e.getMessage());
    }

    @Test
    void absurdSizesFailWithoutAllocatingWhatTheyClaim() throws Exception {
        int t = (int) layout.tableOffset();
        int metaCount = t + 28 * layout.tensors().size();
        assertAbsurd(Kind.INCONSISTENT, "1000000000 layers", b -> le(b).putInt(HEADER, 1_000_000_000));
        assertAbsurd(Kind.INCONSISTENT, "layer width", b -> le(b).putInt(HEADER + 4, -1));
        assertAbsurd(Kind.INCONSISTENT, "preprocessing values", b -> le(b).putInt(HEADER + 4 + 5 * 4 + 4 + 1, 1_000_000_000));
        assertAbsurd(Kind.INCONSISTENT, "tensors", b -> le(b).putInt(t - 4, 1_000_000_000));
        assertAbsurd(Kind.INCONSISTENT, "metadata entries", b -> le(b).putInt(metaCount, Integer.MAX_VALUE));
        assertAbsurd(Kind.INCONSISTENT, "header length", b -> le(b).putInt(12, Integer.MAX_VALUE));
        assertAbsurd(Kind.INCONSISTENT, "tensor 0", b -> le(b).putLong(t + 20, 1L << 40)); // a 1 TiB weight tensor
        assertAbsurd(Kind.INCONSISTENT, "tensor 1", b -> le(b).putLong(t + 28 + 12, 1L << 62)); // offset far past the end
        // A stream cannot know it is short without reading the claim, so it refuses the size instead.
        assertAbsurd(Kind.TRUNCATED, Kind.TOO_LARGE, "declared file length", b -> le(b).putLong(16, 1L << 40));
        assertAbsurd(Kind.TRUNCATED, Kind.TOO_LARGE, "declared file length", b -> le(b).putLong(16, -1L));
        // a metadata value claiming 2 GiB: the first entry's length field sits after u16 + key + u8
        int firstKey = le(good).getShort(metaCount + 4) & 0xffff;
        assertAbsurd(Kind.INCONSISTENT, "needs 2147483647 bytes", b -> le(b).putInt(metaCount + 4 + 2 + firstKey + 1, Integer.MAX_VALUE));
    }

    @Test
    void aTensorOfTwoToTheThirtyOneElementsIsRefused() throws Exception {
        Network one = Network.mlp(new int[] {4, 4}, Activation.LINEAR).initGlorot(1);
        TrainedModel m = new TrainedModel(one, null, null, null);
        byte[] base = ModelFile.toBytes(m, DType.F32);
        int t = (int) ModelWriter.STANDARD.plan(m, DType.F32).tableOffset();
        // Every field agrees with a 65536×32768 layer (2^31 weights, 8 GiB as f32); only the file is too small.
        byte[] b = base.clone();
        le(b).putInt(HEADER + 4, 65536).putInt(HEADER + 8, 32768);
        le(b).putInt(t + 4, 65536).putInt(t + 8, 32768).putLong(t + 20, 4L << 31);
        le(b).putInt(t + 28 + 8, 32768).putLong(t + 28 + 20, 4L * 32768);
        long before = Fixtures.allocatedBytes();
        ModelFormatException e = assertKind(Kind.INCONSISTENT, () -> ModelFile.load(fixCrcs(b)));
        assertTrue(e.getMessage().contains("tensor 0"), e.getMessage());
        assertAllocatedLittle(before);
        // The same through a stream and a mapped file.
        Path f = dir.resolve("huge.sae");
        Files.write(f, b);
        assertKind(Kind.INCONSISTENT, () -> ModelFile.load(Files.newInputStream(f)));
        assertKind(Kind.INCONSISTENT, () -> ModelFile.map(f));
        assertAllocatedLittle(before);
    }

    @Test
    void aStreamClaimingGigabytesAllocatesOnlyWhatArrives() throws Exception {
        byte[] b = copy();
        le(b).putLong(16, 1L << 30);
        fixCrcs(b);
        long before = Fixtures.allocatedBytes();
        assertKind(Kind.TRUNCATED, () -> ModelFile.load(new ByteArrayInputStream(b)));
        assertAllocatedLittle(before);
        le(b).putLong(16, 1L << 40);
        fixCrcs(b);
        assertKind(Kind.TOO_LARGE, () -> ModelFile.load(new ByteArrayInputStream(b)));
        assertAllocatedLittle(before);
    }

    @Test
    void tensorRangesMustBeAlignedDisjointAndInside() {
        int t = (int) layout.tableOffset();
        long w0 = le(good).getLong(t + 12);
        assertAbsurd(Kind.INCONSISTENT, "overlaps", b -> le(b).putLong(t + 28 + 12, w0));
        assertAbsurd(Kind.INCONSISTENT, "not a multiple of 64", b -> le(b).putLong(t + 12, w0 + 4));
        assertAbsurd(Kind.INCONSISTENT, "must lie in", b -> le(b).putLong(t + 12, 0));
        assertAbsurd(Kind.INCONSISTENT, "shape", b -> le(b).putInt(t + 4, 7));
        assertAbsurd(Kind.INCONSISTENT, "rank", b -> b[t + 1] = 1);
        assertAbsurd(Kind.INCONSISTENT, "bytes, f32", b -> le(b).putLong(t + 20, le(good).getLong(t + 20) - 4));
    }

    @Test
    void unknownCodesAreInconsistent() {
        int acts = HEADER + 4 + 5 * 4;
        int pre = acts + 4;
        int rule = pre + 1 + 4 + 6 * 8;
        assertAbsurd(Kind.INCONSISTENT, "activation code 77", b -> b[acts + 2] = 77);
        assertAbsurd(Kind.INCONSISTENT, "preprocessing code 9", b -> b[pre] = 9);
        assertAbsurd(Kind.INCONSISTENT, "threshold rule code 42", b -> b[rule] = 42);
        assertAbsurd(Kind.INCONSISTENT, "threshold must be finite", b -> le(b).putDouble(rule + 9, Double.NaN));
        assertAbsurd(Kind.INCONSISTENT, "a model needs at least one layer", b -> le(b).putInt(HEADER, 0));
    }

    @Test
    void bytesAfterTheDeclaredEndAreRefused() {
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertKind(Kind.INCONSISTENT, () -> ModelFile.load(longer));
    }

    @Test
    void metadataTypesAndSizesAreChecked() {
        byte[] dup = new ModelWriter(0, List.of(RawEntry.i32(Keys.EPOCHS, 5)), new byte[0]).toBytes(model, DType.F32);
        assertTrue(assertKind(Kind.INCONSISTENT, () -> ModelFile.load(dup)).getMessage().contains("appears twice"));
        // A model without calibration writes no threshold.calibration.* keys, so the tests can add their own.
        TrainedModel bare = model.withThreshold(simdae.engine.detect.Threshold.fixed(0.5, null));
        assertMetadataRefused(bare, "has type 4, expected 2", RawEntry.string(Keys.CAL_COUNT, "lots"), true);
        assertMetadataRefused(bare, "holds 3 bytes, expected 8", new RawEntry(Keys.CAL_COUNT, Spec.TYPE_I64, new byte[3]), true);
        assertMetadataRefused(bare, "no threshold.calibration.mean", RawEntry.i64(Keys.CAL_COUNT, 5), false);
    }

    private static void assertMetadataRefused(TrainedModel m, String mentions, RawEntry e, boolean withStats) {
        List<RawEntry> entries = new java.util.ArrayList<>(List.of(e));
        if (withStats) {
            for (String k : List.of(Keys.CAL_MEAN, Keys.CAL_STD, Keys.CAL_MIN, Keys.CAL_MAX, Keys.CAL_P50, Keys.CAL_P90, Keys.CAL_P95, Keys.CAL_P99)) {
                entries.add(RawEntry.f64(k, 0.5));
            }
        }
        byte[] b = new ModelWriter(0, entries, new byte[0]).toBytes(m, DType.F32);
        String msg = assertKind(Kind.INCONSISTENT, () -> ModelFile.load(b)).getMessage();
        assertTrue(msg.contains(mentions), msg);
    }

    private interface Patch {
        void apply(byte[] b);
    }

    private void assertAbsurd(Kind kind, String mentions, Patch p) {
        assertAbsurd(kind, kind, mentions, p);
    }

    private void assertAbsurd(Kind kind, Kind streamKind, String mentions, Patch p) {
        byte[] b = copy();
        p.apply(b);
        fixCrcs(b);
        long before = Fixtures.allocatedBytes();
        Executable load = () -> ModelFile.load(b);
        ModelFormatException e = assertKind(kind, load);
        assertTrue(e.getMessage().contains(mentions), "expected the message to mention '" + mentions + "': " + e.getMessage());
        assertKind(streamKind, () -> ModelFile.load(new ByteArrayInputStream(b)));
        assertAllocatedLittle(before);
    }

    /** Far below any claim above (gigabytes), generous for the parser's own objects. */
    private static void assertAllocatedLittle(long before) {
        long after = Fixtures.allocatedBytes();
        if (before < 0 || after < 0) return; // no allocation counter on this JVM; the lack of an OOM still counts
        assertTrue(after - before < 8L << 20, "loading allocated " + (after - before) + " bytes");
    }
}
