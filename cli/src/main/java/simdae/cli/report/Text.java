package simdae.cli.report;

import java.util.Locale;

/** Escaping for the two text formats the report writes by hand: HTML and JSON. */
final class Text {

    private Text() {
    }

    /** Text safe inside HTML element content and double-quoted attribute values. */
    static String html(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A quoted JSON string: quotes, backslashes and control characters escaped; {@code null} for null. */
    static String json(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    // U+2028/2029 are valid JSON but end a line in older JavaScript; escaping them costs nothing.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A JSON number; NaN and infinities, which JSON cannot express, become {@code null}. */
    static String json(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }

    /** A float-derived value as its shortest float decimal ({@code 0.001}, not {@code 0.0010000000474974513}). */
    static String jsonFloat(double v) {
        if (!Double.isFinite(v)) return "null";
        float f = (float) v;
        return f == v ? json(Double.parseDouble(Float.toString(f))) : json(v);
    }
}
