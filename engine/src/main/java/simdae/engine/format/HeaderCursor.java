package simdae.engine.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import simdae.engine.format.ModelFormatException.Kind;

/**
 * Little-endian reads inside the header's byte range. Every read is checked against the bytes left, and every count
 * against what that many items would occupy, before anything is allocated: a corrupt length fails here, not in the
 * allocator.
 */
final class HeaderCursor {
    private final ByteBuffer buf;
    private final String source;
    private int pos;
    private final int end;

    HeaderCursor(ByteBuffer file, int start, int length, String source) {
        this.buf = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
        this.pos = start;
        this.end = start + length;
    }

    int remaining() {
        return end - pos;
    }

    ModelFormatException inconsistent(String detail) {
        return new ModelFormatException(Kind.INCONSISTENT, source, detail);
    }

    private int take(long n, String what) throws ModelFormatException {
        if (n < 0 || n > remaining()) {
            throw inconsistent("header ends inside " + what + ": needs " + n + " bytes, " + remaining() + " left");
        }
        int p = pos;
        pos += (int) n;
        return p;
    }

    int u8(String what) throws ModelFormatException {
        return buf.get(take(1, what)) & 0xff;
    }

    int u16(String what) throws ModelFormatException {
        return buf.getShort(take(2, what)) & 0xffff;
    }

    long u32(String what) throws ModelFormatException {
        return buf.getInt(take(4, what)) & 0xffff_ffffL;
    }

    long i64(String what) throws ModelFormatException {
        return buf.getLong(take(8, what));
    }

    float f32(String what) throws ModelFormatException {
        return buf.getFloat(take(4, what));
    }

    double f64(String what) throws ModelFormatException {
        return buf.getDouble(take(8, what));
    }

    /** Reads a u32 count of items of {@code bytesEach} bytes and checks they all fit in what is left. */
    int count(String what, int bytesEach) throws ModelFormatException {
        long n = u32("the count of " + what);
        if (n * bytesEach > remaining()) {
            throw inconsistent("header claims " + n + " " + what + " (" + n * bytesEach + " bytes) but only "
                    + remaining() + " header bytes remain");
        }
        return (int) n;
    }

    /** The next {@code n} bytes as a little-endian buffer of their own. */
    ByteBuffer slice(long n, String what) throws ModelFormatException {
        int p = take(n, what);
        return buf.slice(p, (int) n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Strict UTF-8: a key that does not decode is damage, not something to paper over with U+FFFD. */
    String utf8(long n, String what) throws ModelFormatException {
        ByteBuffer b = slice(n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(b).toString();
        } catch (CharacterCodingException e) {
            throw inconsistent(what + " is not valid UTF-8");
        }
    }
}
