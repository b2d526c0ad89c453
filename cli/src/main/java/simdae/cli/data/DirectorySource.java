package simdae.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST files from a folder the user points at, raw or {@code .gz}; both the dash names
 * ({@code train-images-idx3-ubyte}) and the dotted ones some copies use ({@code train-images.idx3-ubyte}) are found.
 */
public final class DirectorySource implements MnistSource {
    private final Path dir;

    /** @param dir the folder holding the files */
    public DirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public String description() {
        return "folder " + dir;
    }

    /** The file names looked for, in order. */
    static List<String> candidates(MnistFile file) {
        String dash = file.fileName, dotted = dash.replace("-idx", ".idx");
        return List.of(dash, dash + ".gz", dotted, dotted + ".gz");
    }

    @Override
    public InputStream open(MnistFile file, ProgressListener listener) throws IOException {
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir + " is not a folder");
        for (String name : candidates(file)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return Files.newInputStream(p);
        }
        throw new NoSuchFileException("no " + file.fileName + "[.gz] in " + dir);
    }
}
