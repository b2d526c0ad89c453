package simdae.engine.format;

/**
 * One metadata entry as stored: {@code u16 key length, key (UTF-8), u8 type, u32 value length, value}. The value
 * length makes every entry skippable whatever its type, which is what lets old readers step over new keys.
 *
 * @param key the key
 * @param type a {@code Spec.TYPE_*} code, or any other byte for a type this version does not know
 * @param value the value's bytes, little-endian
 */
record RawEntry(String key, int type, byte[] value) {

    static RawEntry i32(String key, int v) {
        return new RawEntry(key, Spec.TYPE_I32, new LeBytes().u32(v & 0xffff_ffffL).toArray());
    }

    static RawEntry i64(String key, long v) {
        return new RawEntry(key, Spec.TYPE_I64, new LeBytes().i64(v).toArray());
    }

    static RawEntry f64(String key, double v) {
        return new RawEntry(key, Spec.TYPE_F64, new LeBytes().f64(v).toArray());
    }

    static RawEntry string(String key, String v) {
        return new RawEntry(key, Spec.TYPE_STRING, LeBytes.utf8(v));
    }

    static RawEntry f64Array(String key, double[] v) {
        LeBytes b = new LeBytes();
        for (double d : v) b.f64(d);
        return new RawEntry(key, Spec.TYPE_F64_ARRAY, b.toArray());
    }

    void writeTo(LeBytes b) {
        byte[] k = LeBytes.utf8(key);
        if (k.length > 0xffff) throw new IllegalArgumentException("metadata key longer than 65535 bytes: " + key);
        b.u16(k.length).bytes(k).u8(type).u32(value.length).bytes(value);
    }
}
