package simdae.cli.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarReaderTest {
    @Test
    void readsEntriesAndSkipsUnreadContent() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[1300];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        m.put("package/data/blob", big);
        m.put("package/readme.md", "hi".getBytes(StandardCharsets.UTF_8));
        TarReader t = new TarReader(new ByteArrayInputStream(TestTar.tar(m)));
        assertTrue(t.next());
        assertEquals("package/package.json", t.name()); // content deliberately not read
        assertTrue(t.next());
        assertEquals("package/data/blob", t.name());
        assertEquals(1300, t.size());
        assertTrue(t.isFile());
        assertArrayEquals(big, t.content().readAllBytes());
        assertTrue(t.next());
        assertEquals("hi", new String(t.content().readAllBytes(), StandardCharsets.UTF_8));
        assertFalse(t.next());
    }

    @Test
    void corruptChecksumAndTruncationAreErrors() throws IOException {
        byte[] tar = TestTar.tar(Map.of("a", new byte[600]));
        byte[] bad = tar.clone();
        bad[0] ^= 1;
        assertThrows(IOException.class, () -> new TarReader(new ByteArrayInputStream(bad)).next());
        TarReader t = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, 700)));
        assertTrue(t.next());
        assertThrows(IOException.class, () -> t.content().readAllBytes());
    }
}
