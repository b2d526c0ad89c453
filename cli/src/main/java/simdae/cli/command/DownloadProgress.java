package simdae.cli.command;

import java.io.PrintWriter;
import java.util.Locale;
import simdae.cli.data.ProgressListener;

/** Download progress on stderr: a live percentage on a terminal, a line per task otherwise. */
final class DownloadProgress implements ProgressListener {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean live = Terminal.interactive();
    private String task;
    private long lastPrint;
    private boolean open;

    DownloadProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void progress(String task, long done, long total) {
        if (quiet) return;
        long now = System.nanoTime();
        boolean fresh = !task.equals(this.task);
        boolean finished = total > 0 && done >= total;
        if (!fresh && !finished && now - lastPrint < 200_000_000L) return;
        if (fresh && open) err.println();
        lastPrint = now;
        String amount = total > 0
                ? String.format(Locale.ROOT, "%5.1f%% of %.1f MB", 100.0 * done / total, total / 1e6)
                : String.format(Locale.ROOT, "%.1f MB", done / 1e6);
        if (live) {
            err.print("\r" + task + " " + amount);
            open = true;
            if (finished) {
                err.println();
                open = false;
            }
        } else if (fresh || finished) {
            err.println(task + (finished ? " done, " : " ") + amount);
        }
        this.task = finished ? null : task;
        err.flush();
    }

    @Override
    public void message(String text) {
        if (quiet) return;
        if (open) err.println();
        open = false;
        err.println(text);
        err.flush();
    }

    void done() {
        if (open) err.println();
        open = false;
        err.flush();
    }
}
