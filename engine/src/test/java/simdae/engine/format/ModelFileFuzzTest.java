package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import simdae.engine.AnomalyDetector;
import simdae.engine.kernel.KernelProvider;
import simdae.engine.model.TrainedModel;
import simdae.engine.nn.Network;
import simdae.engine.nn.Scorer;

/**
 * Fuzz targets for the model loader. Whatever the bytes, {@link ModelFile#load(byte[])} and
 * {@link ModelFile#load(java.io.InputStream)} return a model or throw {@link ModelFormatException}: any other
 * exception, an {@link OutOfMemoryError} or a hang is a finding. A model that loads must also score and survive a
 * save/load round trip.
 *
 * <p>Without {@code JAZZER_FUZZ} (plain {@code mvn test}) each target replays the seeds and saved crashers in
 * {@code src/test/resources/simdae/engine/format/ModelFileFuzzTestInputs/}; {@code .ci/fuzz} fuzzes them.
 */
class ModelFileFuzzTest {

    /** The bytes as they come: magic, versions, lengths and checksums are the fuzzer's to break. */
    @FuzzTest(maxDuration = "30s")
    void loadBytes(byte[] data) {
        check(data);
    }

    /**
     * The declared length and both CRC-32Cs patched to match the bytes, so that mutations get past the checksums into
     * the header, tensor table, metadata and payload checks (random bytes almost never carry a valid CRC).
     */
    @FuzzTest(maxDuration = "30s")
    void loadWithValidChecksums(byte[] data) {
        check(withValidChecksums(data));
    }

    static byte[] withValidChecksums(byte[] data) {
        byte[] b = data.clone();
        if (b.length < Spec.PREAMBLE_BYTES + Spec.TRAILER_BYTES) return b;
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        System.arraycopy(Spec.MAGIC, 0, b, 0, Spec.MAGIC.length);
        le.putLong(Spec.OFF_FILE_LENGTH, b.length);
        CRC32C pre = new CRC32C();
        pre.update(b, 0, Spec.OFF_PREAMBLE_CRC);
        le.putInt(Spec.OFF_PREAMBLE_CRC, (int) pre.getValue());
        CRC32C all = new CRC32C();
        all.update(b, 0, b.length - Spec.TRAILER_BYTES);
        le.putInt(b.length - Spec.TRAILER_BYTES, (int) all.getValue());
        return b;
    }

    static void check(byte[] data) {
        LoadedModel fromBytes = null;
        try {
            fromBytes = ModelFile.load(data);
        } catch (ModelFormatException expected) {
            // a refusal is a correct answer
        }
        LoadedModel fromStream = null;
        try {
            fromStream = ModelFile.load(new ByteArrayInputStream(data), "fuzz");
        } catch (ModelFormatException expected) {
            // a refusal is a correct answer
        } catch (IOException e) {
            throw new AssertionError("a byte stream cannot fail to read, yet load threw " + e, e);
        }
        if (fromBytes == null) return;
        // The stream reader stops at the declared end, so it may accept what the byte[] reader refuses as having
        // trailing bytes; never the other way round, and never with a different model.
        if (fromStream == null) throw new AssertionError("load(byte[]) accepted a file that load(InputStream) refused");
        Fixtures.assertSameHeader(fromBytes.model(), fromStream.model());
        Fixtures.assertSameBits(fromBytes.model().network().params(), fromStream.model().network().params());
        exercise(fromBytes.model());
    }

    /** A model that loaded is a model: it runs on any input and writes itself back out as an equal file. */
    private static void exercise(TrainedModel m) {
        Network net = m.network();
        float[] row = new float[net.inputSize()];
        java.util.Arrays.fill(row, 1f);
        Scorer.reconstruct(net, KernelProvider.get(), m.preprocessing().apply(row), 0, 1, new float[net.outputSize()], 0);
        if (net.inputSize() == net.outputSize()) AnomalyDetector.of(m).score(row); // only autoencoders score
        LoadedModel again;
        try {
            again = ModelFile.load(ModelFile.toBytes(m, DType.F32));
        } catch (ModelFormatException e) {
            throw new AssertionError("a loaded model, saved again, does not load: " + e.getMessage(), e);
        }
        Fixtures.assertSameHeader(m, again.model());
        Fixtures.assertSameBits(m.network().params(), again.model().network().params());
        assertEquals(DType.F32, again.dtype());
    }
}
