package simdae.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import simdae.cli.command.ConvertCommand;
import simdae.cli.command.DetectCommand;
import simdae.cli.command.EvalCommand;
import simdae.cli.command.InfoCommand;
import simdae.cli.command.MnistCommand;
import simdae.cli.command.OneClassCommand;
import simdae.cli.command.ReportCommand;
import simdae.cli.command.ScoreCommand;
import simdae.cli.command.TrainCommand;

/**
 * The {@code simdae} command. Exit codes: 0 success, 1 failure (one line on stderr, the stack trace only with
 * {@code --verbose}), 2 usage error.
 */
@Command(name = "simdae", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Dense autoencoders trained and run on the CPU with SIMD kernels, for anomaly detection by reconstruction error.",
        subcommands = {MnistCommand.class, TrainCommand.class, ScoreCommand.class, DetectCommand.class, EvalCommand.class,
                ReportCommand.class, InfoCommand.class, OneClassCommand.class, ConvertCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Examples:",
                "  simdae mnist                                    # the notebook, end to end",
                "  simdae train --data sensors.csv --percentile 99 --out sensors.sae",
                "  simdae score --model sensors.sae --data today.csv --out scores.csv",
                "  simdae info --model out/mnist/model.sae"})
public final class Main implements Runnable {
    private static volatile boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    void setVerbose(boolean v) {
        verbose = v;
    }

    private Main() {}

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (try simdae --help)");
    }

    /** Entry point of the executable jar. */
    public static void main(String[] args) {
        // The engine logs one line about its kernels through java.util.logging; keep it one line on the terminal too.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. Used by {@link #main} and the tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        verbose = false;
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("simdae: " + Failures.oneLine(ex));
            if (verbose) ex.printStackTrace(line.getErr());
            line.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args2) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("simdae: " + ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            e.flush();
            return 2;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
