package simdae.cli.report;

/**
 * A strict JSON syntax checker (RFC 8259), enough to prove that hand-written {@code summary.json} parses. Throws
 * {@link IllegalArgumentException} with the offset of the first error.
 */
final class JsonChecker {
    private final String s;
    private int i;

    private JsonChecker(String s) {
        this.s = s;
    }

    static void check(String json) {
        JsonChecker c = new JsonChecker(json);
        c.ws();
        c.value();
        c.ws();
        if (c.i != json.length()) throw c.error("trailing text");
    }

    private void value() {
        if (i >= s.length()) throw error("value expected");
        char ch = s.charAt(i);
        if (ch == '{') object();
        else if (ch == '[') array();
        else if (ch == '"') string();
        else if (ch == '-' || Character.isDigit(ch)) number();
        else if (s.startsWith("true", i)) i += 4;
        else if (s.startsWith("false", i)) i += 5;
        else if (s.startsWith("null", i)) i += 4;
        else throw error("unexpected '" + ch + "'");
    }

    private void object() {
        i++;
        ws();
        if (peek('}')) { i++; return; }
        while (true) {
            ws();
            string();
            ws();
            expect(':');
            ws();
            value();
            ws();
            if (peek(',')) { i++; continue; }
            expect('}');
            return;
        }
    }

    private void array() {
        i++;
        ws();
        if (peek(']')) { i++; return; }
        while (true) {
            ws();
            value();
            ws();
            if (peek(',')) { i++; continue; }
            expect(']');
            return;
        }
    }

    private void string() {
        expect('"');
        while (i < s.length()) {
            char ch = s.charAt(i++);
            if (ch == '"') return;
            if (ch < 0x20) throw error("raw control character in string");
            if (ch == '\\') {
                char e = s.charAt(i++);
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) if (Character.digit(s.charAt(i++), 16) < 0) throw error("bad \\u escape");
                } else if ("\"\\/bfnrt".indexOf(e) < 0) throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private void number() {
        int start = i;
        if (peek('-')) i++;
        if (peek('0')) i++;
        else digits();
        if (peek('.')) { i++; digits(); }
        if (peek('e') || peek('E')) {
            i++;
            if (peek('+') || peek('-')) i++;
            digits();
        }
        if (i == start) throw error("number expected");
    }

    private void digits() {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == start) throw error("digit expected");
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) throw error("'" + c + "' expected");
        i++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + i + ": ..." + s.substring(Math.max(0, i - 30), Math.min(s.length(), i + 30)));
    }
}
