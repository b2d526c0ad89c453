package simdae.engine.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed key–value section. Typed getters fail on a known key with the wrong type or size; keys nobody asked
 * for are reported by {@link #unread()} so a loader can say what it skipped.
 */
final class Metadata {
    private record Value(int type, ByteBuffer bytes) {
    }

    private final Map<String, Value> entries = new LinkedHashMap<>();
    private final Map<String, Boolean> read = new LinkedHashMap<>();
    private final HeaderCursor errors;

    private Metadata(HeaderCursor errors) {
        this.errors = errors;
    }

    /** Reads the u32 entry count and the entries; each needs at least 7 bytes, which bounds the count. */
    static Metadata read(HeaderCursor c) throws ModelFormatException {
        Metadata m = new Metadata(c);
        int n = c.count("metadata entries", 7);
        for (int i = 0; i < n; i++) {
            String what = "metadata entry " + i;
            int keyLength = c.u16(what);
            String key = c.utf8(keyLength, what + " key");
            int type = c.u8(what + " (" + key + ")");
            long length = c.u32(what + " (" + key + ")");
            ByteBuffer value = c.slice(length, "the value of " + key);
            if (m.entries.put(key, new Value(type, value)) != null) throw c.inconsistent("metadata key " + key + " appears twice");
        }
        return m;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Keys present in the file that no getter asked for, in file order. */
    List<String> unread() {
        List<String> out = new ArrayList<>();
        for (String k : entries.keySet()) if (!read.containsKey(k)) out.add(k);
        return out;
    }

    private ByteBuffer value(String key, int type, int exactLength) throws ModelFormatException {
        Value v = entries.get(key);
        read.put(key, Boolean.TRUE);
        if (v == null) return null;
        if (v.type != type) throw errors.inconsistent("metadata " + key + " has type " + v.type + ", expected " + type);
        if (exactLength >= 0 && v.bytes.remaining() != exactLength) {
            throw errors.inconsistent("metadata " + key + " holds " + v.bytes.remaining() + " bytes, expected " + exactLength);
        }
        return v.bytes.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    int i32(String key, int absent) throws ModelFormatException {
        ByteBuffer b = value(key, Spec.TYPE_I32, 4);
        return b == null ? absent : b.getInt(0);
    }

    long i64(String key, long absent) throws ModelFormatException {
        ByteBuffer b = value(key, Spec.TYPE_I64, 8);
        return b == null ? absent : b.getLong(0);
    }

    double f64(String key, double absent) throws ModelFormatException {
        ByteBuffer b = value(key, Spec.TYPE_F64, 8);
        return b == null ? absent : b.getDouble(0);
    }

    String string(String key, String absent) throws ModelFormatException {
        ByteBuffer b = value(key, Spec.TYPE_STRING, -1);
        if (b == null) return absent;
        HeaderCursor c = new HeaderCursor(b, 0, b.remaining(), null);
        try {
            return c.utf8(b.remaining(), key);
        } catch (ModelFormatException e) {
            throw errors.inconsistent("metadata " + key + " is not valid UTF-8");
        }
    }

    /** The array, or {@code null} when absent. Its size was already bounded by the header. */
    double[] f64Array(String key) throws ModelFormatException {
        ByteBuffer b = value(key, Spec.TYPE_F64_ARRAY, -1);
        if (b == null) return null;
        if (b.remaining() % 8 != 0) throw errors.inconsistent("metadata " + key + " holds " + b.remaining() + " bytes, not a whole number of f64");
        double[] out = new double[b.remaining() / 8];
        for (int i = 0; i < out.length; i++) out[i] = b.getDouble(i * 8);
        return out;
    }
}
