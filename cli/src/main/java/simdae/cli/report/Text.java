package simdae.cli.report;

import simdae.cli.Json;

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

    /** A quoted JSON string; see {@link Json#str}. */
    static String json(String s) {
        return Json.str(s);
    }

    /** A JSON number; see {@link Json#num(double)}. */
    static String json(double v) {
        return Json.num(v);
    }

    /** A float-derived value as its shortest float decimal; see {@link Json#numFromFloat}. */
    static String jsonFloat(double v) {
        return Json.numFromFloat(v);
    }
}
