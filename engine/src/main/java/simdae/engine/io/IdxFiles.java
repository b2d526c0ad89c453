package simdae.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the labels file that sits beside an IDX images file, by the naming conventions MNIST-style sets use. */
public final class IdxFiles {
    private IdxFiles() {}

    /**
     * The names a labels file for {@code imagesName} may have, most likely first: "images" → "labels" (last
     * occurrence), with "idx3" → "idx1" as in MNIST, each with and without ".gz". Empty when the name has no
     * "images" part to replace.
     */
    public static List<String> labelNameCandidates(String imagesName) {
        String base = imagesName.endsWith(".gz") ? imagesName.substring(0, imagesName.length() - 3) : imagesName;
        int at = base.lastIndexOf("images");
        Set<String> out = new LinkedHashSet<>();
        if (at < 0) return new ArrayList<>(out);
        String swapped = base.substring(0, at) + "labels" + base.substring(at + "images".length());
        for (String s : new String[] {swapped.replace("idx3", "idx1"), swapped}) {
            out.add(s);
            out.add(s + ".gz");
        }
        return new ArrayList<>(out);
    }

    /** The existing labels file beside {@code images}, or {@code null} when there is none. */
    public static Path findLabels(Path images) {
        Path dir = images.toAbsolutePath().getParent();
        if (dir == null || images.getFileName() == null) return null;
        for (String n : labelNameCandidates(images.getFileName().toString())) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p) && !p.equals(images.toAbsolutePath())) return p;
        }
        return null;
    }
}
