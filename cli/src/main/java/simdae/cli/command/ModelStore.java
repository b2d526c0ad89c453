package simdae.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import simdae.engine.format.DType;
import simdae.engine.format.LoadedModel;
import simdae.engine.format.ModelFile;
import simdae.engine.model.TrainedModel;

/** Loading and saving models for the commands: clear errors, and never over a file under version control. */
final class ModelStore {
    private ModelStore() {}

    static LoadedModel load(Path p) throws IOException {
        if (!Files.exists(p)) throw new IOException(p + ": no such model file");
        if (Files.isDirectory(p)) throw new IOException(p + ": is a folder, not a model file");
        return ModelFile.load(p);
    }

    /** Saves atomically (temp file, fsync, rename); refuses to replace a file that git tracks (e.g. weights/). */
    static void save(TrainedModel m, Path p, DType dtype) throws IOException {
        Path abs = p.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new IOException(p + ": is a folder; give a model file name such as " + p.resolve("model.sae"));
        if (Files.exists(abs) && tracked(abs)) {
            throw new IOException(p + ": is tracked by git (e.g. the reference model); choose another --model/--out path");
        }
        Path parent = abs.getParent();
        if (parent != null) Files.createDirectories(parent);
        ModelFile.save(m, abs, dtype);
    }

    /** True when git is present and tracks {@code file}. Any failure to ask counts as untracked. */
    static boolean tracked(Path file) {
        try {
            Process git = new ProcessBuilder("git", "-C", file.getParent().toString(), "ls-files", "--error-unmatch", file.getFileName().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return false;
            }
            return git.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
