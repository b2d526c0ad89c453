package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simdae.engine.format.Fixtures.assertSameBits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simdae.engine.model.TrainedModel;

class ModelFileSaveTest {
    @TempDir
    Path dir;

    private final TrainedModel before = Fixtures.small(21);
    private final TrainedModel after = Fixtures.small(22);

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aCrashBeforeTheRenameLeavesThePreviousModelAndNoTempFile() throws Exception {
        Path target = dir.resolve("model.sae");
        ModelFile.save(before, target, DType.F32);
        IOException crash = new IOException("simulated crash");
        AtomicReference<Path> seen = new AtomicReference<>();
        IOException thrown = assertThrows(IOException.class, () -> ModelFile.save(after, target, DType.F32, temp -> {
            seen.set(temp);
            // The new file is complete and valid under its temporary name; the real name still holds the old one.
            assertSameBits(after.network().params(), ModelFile.load(temp).model().network().params());
            assertSameBits(before.network().params(), ModelFile.load(target).model().network().params());
            throw crash;
        }));
        assertSame(crash, thrown);
        assertSameBits(before.network().params(), ModelFile.load(target).model().network().params());
        assertFalse(Files.exists(seen.get()), "temp file removed");
        assertEquals(List.of("model.sae"), names());
        assertEquals(dir, seen.get().getParent(), "temp file lives beside the target, so the rename is atomic");
    }

    @Test
    void anUncheckedFailureIsCleanedUpToo() throws Exception {
        Path target = dir.resolve("model.sae");
        ModelFile.save(before, target, DType.F16);
        assertThrows(IllegalStateException.class, () -> ModelFile.save(after, target, DType.F32, temp -> {
            throw new IllegalStateException("power cut");
        }));
        assertEquals(DType.F16, ModelFile.load(target).dtype());
        assertEquals(List.of("model.sae"), names());
    }

    @Test
    void aLeftoverTempFromAKilledSaveNeverShadowsTheModel() throws Exception {
        Path target = dir.resolve("model.sae");
        Path leftover = dir.resolve("model.sae.tmp-0123456789abcdef");
        Files.write(leftover, new byte[] {1, 2, 3}); // what a kill -9 mid-write could leave
        ModelFile.save(after, target, DType.F32);
        assertSameBits(after.network().params(), ModelFile.load(target).model().network().params());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(leftover), "another save's temp is not ours to touch");
        assertEquals(List.of("model.sae", "model.sae.tmp-0123456789abcdef"), names());
    }

    @Test
    void savingReplacesTheModelAndWorksForANewName() throws Exception {
        Path target = dir.resolve("new.sae");
        assertFalse(Files.exists(target));
        ModelFile.save(before, target, DType.INT8);
        ModelFile.save(after, target, DType.F32);
        assertSameBits(after.network().params(), ModelFile.load(target).model().network().params());
        assertArrayEquals(ModelFile.toBytes(after, DType.F32), Files.readAllBytes(target));
        assertEquals(List.of("new.sae"), names());
    }

    @Test
    void aMissingFolderFailsWithoutLeavingAnything() {
        Path target = dir.resolve("no/such/folder/model.sae");
        assertThrows(IOException.class, () -> ModelFile.save(before, target, DType.F32));
        assertTrue(Files.notExists(target));
    }
}
