package simdae.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import simdae.engine.io.IdxWriter;

/** Small generated datasets for the command tests: 8×8 "digits" in IDX, and sensor-like CSV with planted anomalies. */
final class TestData {
    private TestData() {}

    /**
     * {@code n} 8×8 ubyte images of two classes (a horizontal and a vertical bar, with noise), labels beside them
     * named so the reader pairs them. Returns the images file.
     */
    static Path idx(Path dir, String name, int n, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] px = new byte[n * 64];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            lab[i] = (byte) cls;
            int line = 2 + r.nextInt(4);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = cls == 0 ? y == line : x == line;
                    int v = on ? 200 + r.nextInt(56) : r.nextInt(20);
                    px[i * 64 + y * 8 + x] = (byte) v;
                }
            }
        }
        Path images = dir.resolve(name + "-images.idx");
        IdxWriter.writeUbyte(images, new int[] {n, 8, 8}, px, false);
        IdxWriter.writeUbyte(dir.resolve(name + "-labels.idx"), new int[] {n}, lab, false);
        return images;
    }

    /**
     * {@code n} rows of {@code d} correlated features (a low-rank signal plus noise) with a {@code status} label
     * column; rows listed in {@code anomalies} break the correlation and are labelled {@code attack}.
     */
    static Path csv(Path file, int n, int d, int[] anomalies, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < d; j++) sb.append("f").append(j).append(',');
        sb.append("status\n");
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        for (int a : anomalies) bad.add(a);
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                double v = 10 + 3 * (a * Math.cos(j) + b * Math.sin(j)) + 0.1 * r.nextGaussian();
                if (bad.contains(i)) v = 10 + 8 * r.nextGaussian();
                sb.append(String.format(Locale.ROOT, "%.4f", v)).append(',');
            }
            sb.append(bad.contains(i) ? "attack" : "normal").append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
