package simdae.cli.report;

/**
 * Makes AWT headless before anything touches it. The CLI runs on servers and in CI without a display; AWT reads
 * {@code java.awt.headless} once, when it first initialises, so this must run before any chart or image is made.
 */
final class Headless {

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless the user chose a value on the command line. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }
}
