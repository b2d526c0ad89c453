package simdae.cli.command;

import picocli.CommandLine.Option;

/** {@code --format text|json} for the commands that print a summary; an unknown value is a usage error. */
public final class OutputFormat {
    /** The formats. */
    public enum Kind { TEXT, JSON }

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Kind kind = Kind.TEXT;

    boolean json() {
        return kind == Kind.JSON;
    }
}
