package simdae.cli.report;

import java.util.Locale;

/** Number formatting shared by the page, the JSON-free text and the figure titles: locale-independent, compact. */
final class Format {

    private Format() {
    }

    /** Integers as integers, other values with 6 significant digits ({@code 0.0123457}, {@code 1.23457e-05}). */
    static String number(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        // %g pads with zeros ("0.0100000"); strip them, but never the exponent's.
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** {@code digits} significant digits, trailing zeros dropped ({@code 0.006757}). */
    static String significant(double v, int digits) {
        if (Double.isNaN(v)) return "n/a";
        return number(Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "g", v)));
    }

    /** A fraction as a percentage with two decimals, e.g. {@code 1.23%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** Four decimals, for rates and areas ({@code 0.9876}). */
    static String rate(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
