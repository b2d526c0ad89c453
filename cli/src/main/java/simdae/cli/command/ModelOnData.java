package simdae.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model MODEL --data DATA}: what score, detect, eval and report all start from. */
public final class ModelOnData {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by train or mnist.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "mnist, mnist:test, an IDX images file (labels paired when beside it) or a CSV file (--label-col for labels).")
    String data;
}
