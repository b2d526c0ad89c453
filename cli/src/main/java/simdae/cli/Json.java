package simdae.cli;

import java.util.Locale;

/** The JSON primitives the commands and reports write by hand (the project has no JSON library). */
public final class Json {

    private Json() {
    }

    /** A quoted JSON string: quotes, backslashes and control characters escaped; {@code null} for null. */
    public static String str(String s) {
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
    public static String num(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }

    /** A float as its shortest decimal ({@code 0.001}, not the widened {@code 0.0010000000474974513}). */
    public static String num(float v) {
        return Float.isFinite(v) ? num(Double.parseDouble(Float.toString(v))) : "null";
    }

    /** A float-derived value as its shortest float decimal ({@code 0.001}, not {@code 0.0010000000474974513}). */
    public static String numFromFloat(double v) {
        if (!Double.isFinite(v)) return "null";
        float f = (float) v;
        return f == v ? num(Double.parseDouble(Float.toString(f))) : num(v);
    }
}
