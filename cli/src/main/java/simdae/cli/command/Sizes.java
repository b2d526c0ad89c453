package simdae.cli.command;

import java.util.Locale;

/** Human-readable sizes. */
final class Sizes {
    private Sizes() {}

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
}
