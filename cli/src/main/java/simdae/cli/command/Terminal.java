package simdae.cli.command;

/** Whether progress may be drawn live (carriage returns) or must be one plain line per step (pipes, CI). */
final class Terminal {
    private Terminal() {}

    static boolean interactive() {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) return false;
        String term = System.getenv("TERM");
        return System.console() != null && (term == null || !term.equals("dumb"));
    }
}
