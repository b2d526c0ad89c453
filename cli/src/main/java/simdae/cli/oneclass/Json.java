package simdae.cli.oneclass;

import java.util.Locale;

/** The two JSON primitives the reports need; the engine has no dependencies, so no JSON library. */
final class Json {

    private Json() {
    }

    /** A quoted, escaped JSON string, or {@code null}. */
    static String str(String s) {
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
                default:
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A float as its shortest decimal ({@code 0.001}, not the widened {@code 0.0010000000474974513}). */
    static String num(float v) {
        return Float.isFinite(v) ? num(Double.parseDouble(Float.toString(v))) : "null";
    }

    /** A JSON number; NaN and infinities, which JSON cannot express, become {@code null}. */
    static String num(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }
}
