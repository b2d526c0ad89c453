package simdae.engine.format;

/**
 * IEEE 754 binary16 conversions. {@code Float.floatToFloat16} only exists from JDK 20 and this library targets 17.
 *
 * <p>{@link #fromFloat} rounds to nearest, ties to even, like the JDK method and hardware converters: values from
 * 65520 up overflow to infinity, magnitudes at or below 2<sup>-25</sup> flush to (signed) zero, and between those
 * and 2<sup>-14</sup> results are subnormal. NaNs stay NaN (made quiet, sign and top payload bits kept).
 */
public final class Half {
    private Half() {
    }

    /** The binary16 bits nearest to {@code f}. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fff_ffff;
        if (abs >= 0x7f80_0000) {
            if (abs == 0x7f80_0000) return (short) (sign | 0x7c00);
            return (short) (sign | 0x7e00 | ((abs >>> 13) & 0x3ff)); // quiet bit set so the result cannot be inf
        }
        if (abs >= 0x477f_f000) return (short) (sign | 0x7c00); // 65520 is the tie above 65504, which goes to even: inf
        if (abs < 0x3880_0000) return (short) (sign | subnormal(abs));
        int r = abs - 0x3800_0000; // rebias the exponent from 127 to 15
        r += 0x0fff + ((r >>> 13) & 1); // a carry out of the mantissa correctly bumps the exponent
        return (short) (sign | (r >>> 13));
    }

    /** Half mantissa for a float magnitude below the smallest normal half, 2^-14, rounded to nearest even. */
    private static int subnormal(int abs) {
        int e = abs >>> 23;
        if (e < 102) return 0; // below 2^-25: less than half the smallest subnormal
        int m = (abs & 0x7f_ffff) | 0x80_0000;
        int shift = 126 - e; // value = m·2^(e-150) = q·2^-24  =>  q = m >> (126 - e); shift is 14..24
        int q = m >>> shift;
        int rem = m & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rem > halfway || (rem == halfway && (q & 1) != 0)) q++; // may reach 0x400, the smallest normal: right
        return q;
    }

    /** The float value of binary16 bits {@code h} (exact: every half is a float). */
    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        if (exp == 31) return Float.intBitsToFloat(sign | 0x7f80_0000 | (mant << 13));
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
