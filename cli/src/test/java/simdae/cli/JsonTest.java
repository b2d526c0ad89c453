package simdae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.str("a\"b\\c\nd\u0001"));
        assertEquals("null", Json.str(null));
    }

    @Test
    void numbersAreShortAndNonFiniteIsNull() {
        assertEquals("1", Json.num(1.0));
        assertEquals("0.75", Json.num(0.75));
        assertEquals("0.001", Json.num(1e-3f));
        assertEquals("null", Json.num(Double.NaN));
        assertEquals("null", Json.num(Double.POSITIVE_INFINITY));
    }
}
