package simdae.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import simdae.engine.util.SplitMix64;

class HalfTest {

    /** binary16 by its definition, independently of the bit tricks in {@link Half#toFloat}. */
    private static double definition(int h) {
        double sign = (h & 0x8000) != 0 ? -1 : 1;
        int exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
        double magnitude = exp == 0 ? mant * Math.pow(2, -24)
                : exp == 31 ? (mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + mant / 1024.0) * Math.pow(2, exp - 15);
        return Math.copySign(magnitude, sign);
    }

    /**
     * Nearest half by search, ties to the even mantissa, with infinity standing for 65536 (the value one step past
     * the largest finite half), which is how IEEE rounding decides overflow.
     */
    private static int reference(float f) {
        double a = Math.abs((double) f);
        int sign = (Float.floatToRawIntBits(f) >>> 16) & 0x8000;
        int lo = 0, hi = 0x7c00;
        while (lo < hi) { // largest h with value(h) <= a
            int mid = (lo + hi + 1) >>> 1;
            if (value(mid) <= a) lo = mid; else hi = mid - 1;
        }
        if (lo == 0x7c00 || value(lo) == a) return sign | lo;
        double down = a - value(lo), up = value(lo + 1) - a;
        int pick = down < up ? lo : up < down ? lo + 1 : ((lo & 1) == 0 ? lo : lo + 1);
        return sign | pick;
    }

    private static double value(int h) {
        return h == 0x7c00 ? 65536.0 : definition(h);
    }

    private static void check(float f) {
        int got = Half.fromFloat(f) & 0xffff;
        assertEquals(reference(f), got, () -> "fromFloat(" + f + " = 0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")");
    }

    @Test
    void toFloatMatchesTheDefinitionForAllHalves() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat((short) h);
            double d = definition(h);
            if (Double.isNaN(d)) {
                assertTrue(Float.isNaN(f), "half 0x" + Integer.toHexString(h));
            } else {
                assertEquals(d, (double) f, "half 0x" + Integer.toHexString(h));
                assertEquals((h & 0x8000) != 0, (Float.floatToRawIntBits(f) & 0x8000_0000) != 0, "sign of 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void everyHalfSurvivesARoundTripAndNansStayQuietNans() {
        for (int h = 0; h < 0x10000; h++) {
            int back = Half.fromFloat(Half.toFloat((short) h)) & 0xffff;
            boolean nan = (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0;
            if (nan) {
                assertEquals(0x7c00, back & 0x7c00, "NaN exponent");
                assertTrue((back & 0x200) != 0, "NaN made quiet");
                assertEquals(h & 0x8000, back & 0x8000, "NaN sign");
            } else {
                assertEquals(h, back, "half 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void roundsToNearestEvenAtEveryHalfwayPointAndItsNeighbours() {
        for (int h = 0; h < 0x7c00; h++) {
            float v = Half.toFloat((short) h);
            float mid = (float) ((value(h) + value(h + 1)) / 2); // exact: 12 significant bits
            for (float f : new float[] {v, Math.nextUp(v), Math.nextDown(v), mid, Math.nextUp(mid), Math.nextDown(mid)}) {
                if (f < 0) continue;
                check(f);
                check(-f);
            }
        }
    }

    @Test
    void randomFloatsOfEveryMagnitude() {
        SplitMix64 r = new SplitMix64(2024);
        for (int i = 0; i < 2_000_000; i++) {
            float f = Float.intBitsToFloat((int) r.nextLong());
            if (!Float.isNaN(f)) check(f);
        }
    }

    @Test
    void specialValues() {
        assertEquals(0x0000, Half.fromFloat(0f) & 0xffff);
        assertEquals(0x8000, Half.fromFloat(-0f) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(Float.POSITIVE_INFINITY) & 0xffff);
        assertEquals(0xfc00, Half.fromFloat(Float.NEGATIVE_INFINITY) & 0xffff);
        assertEquals(0x7bff, Half.fromFloat(65504f) & 0xffff);
        assertEquals(0x7bff, Half.fromFloat(Math.nextDown(65520f)) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(65520f) & 0xffff, "the tie above the largest half overflows");
        assertEquals(0xfc00, Half.fromFloat(-1e6f) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(Float.MAX_VALUE) & 0xffff);
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xffff, "tie between 0 and the smallest subnormal goes to 0");
        assertEquals(0x0001, Half.fromFloat(Math.nextUp(0x1p-25f)) & 0xffff);
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xffff);
        assertEquals(0x0002, Half.fromFloat(0x1.8p-24f) & 0xffff, "tie 1.5 ulp goes to even 2");
        assertEquals(0x03ff, Half.fromFloat(0x3ffp-24f) & 0xffff, "largest subnormal");
        assertEquals(0x0400, Half.fromFloat(Math.nextDown(0x1p-14f)) & 0xffff, "rounds up into the smallest normal");
        assertEquals(0x0000, Half.fromFloat(Float.MIN_VALUE) & 0xffff);
        assertEquals(0x3c00, Half.fromFloat(1f) & 0xffff);
        assertEquals(0x3c00, Half.fromFloat(1f + 0x1p-11f) & 0xffff, "tie at 1 + ulp/2 stays at even 1");
        assertEquals(0x3c02, Half.fromFloat(1f + 3 * 0x1p-11f) & 0xffff, "tie at 1 + 3ulp/2 goes to even");
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.intBitsToFloat(0x7f80_0001)))), "low-payload NaN must not become infinity");
        assertEquals(0.0f, Half.toFloat((short) 0));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Half.toFloat((short) 0x8000)));
    }

    /** On JDK 20+ (CI also runs 25), agree bit for bit with {@code Float.floatToFloat16}. */
    @Test
    void agreesWithTheJdkWhereItExists() throws Exception {
        Method jdk;
        try {
            jdk = Float.class.getMethod("floatToFloat16", float.class);
        } catch (NoSuchMethodException e) {
            assumeTrue(false, "Float.floatToFloat16 needs JDK 20+");
            return;
        }
        SplitMix64 r = new SplitMix64(7);
        for (int i = 0; i < 1_000_000; i++) {
            float f = Float.intBitsToFloat(i < 500_000 ? (int) r.nextLong() : 0x3000_0000 + (int) (r.nextLong() >>> 37));
            if (Float.isNaN(f)) continue;
            short expected = (short) jdk.invoke(null, f);
            assertEquals(expected, Half.fromFloat(f), "fromFloat(" + f + ")");
        }
    }
}
