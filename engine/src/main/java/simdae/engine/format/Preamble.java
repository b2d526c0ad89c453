package simdae.engine.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import simdae.engine.format.ModelFormatException.Kind;

/**
 * The first 28 bytes: magic, version, header length, file length and their own CRC-32C. Checked in the order that
 * gives the most useful error: magic (is it ours?), major version (can this reader understand the rest?), then the
 * preamble checksum, so a damaged length is reported as damage rather than acted on.
 *
 * @param major major version
 * @param minor minor version
 * @param headerLength header bytes after the preamble
 * @param fileLength declared total length, trailer included
 */
record Preamble(int major, int minor, int headerLength, long fileLength) {

    /** Parses the preamble from the first {@code available} bytes of {@code b} (which may be fewer than 28). */
    static Preamble read(ByteBuffer b, int available, String source) throws ModelFormatException {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < Math.min(available, Spec.MAGIC.length); i++) {
            if (le.get(i) != Spec.MAGIC[i]) throw new ModelFormatException(Kind.NOT_A_MODEL, source, "not a simdae model (wrong magic number)");
        }
        if (available < Spec.OFF_HEADER_LENGTH) throw truncated(source, available, Spec.PREAMBLE_BYTES, "its preamble");
        int major = le.getShort(Spec.OFF_MAJOR) & 0xffff;
        int minor = le.getShort(Spec.OFF_MINOR) & 0xffff;
        if (major != Spec.MAJOR) {
            throw new ModelFormatException(Kind.UNSUPPORTED_VERSION, source, "unsupported version " + major + "." + minor
                    + " (this reader supports " + Spec.MAJOR + ".x, up to " + Spec.MAJOR + "." + Spec.MINOR + ")");
        }
        if (available < Spec.PREAMBLE_BYTES) throw truncated(source, available, Spec.PREAMBLE_BYTES, "its preamble");
        int stored = le.getInt(Spec.OFF_PREAMBLE_CRC);
        int actual = Crc.of(le, 0, Spec.OFF_PREAMBLE_CRC);
        if (stored != actual) {
            throw new ModelFormatException(Kind.CHECKSUM_MISMATCH, source, String.format(
                    "preamble checksum mismatch (stored %08x, computed %08x): the file is damaged", stored, actual));
        }
        long header = le.getInt(Spec.OFF_HEADER_LENGTH) & 0xffff_ffffL;
        long file = le.getLong(Spec.OFF_FILE_LENGTH);
        if (header > Spec.MAX_HEADER_BYTES) {
            throw new ModelFormatException(Kind.INCONSISTENT, source, "header length " + header + " exceeds the format's limit of " + Spec.MAX_HEADER_BYTES);
        }
        long minimum = Spec.PREAMBLE_BYTES + header + Spec.TRAILER_BYTES;
        if (file >= 0 && file < minimum) {
            throw new ModelFormatException(Kind.INCONSISTENT, source, "declared file length " + file + " is less than its preamble, header and trailer (" + minimum + ")");
        }
        return new Preamble(major, minor, (int) header, file);
    }

    /** The declared length, or {@code Long.MAX_VALUE} for a value that only fits unsigned. */
    long length() {
        return fileLength < 0 ? Long.MAX_VALUE : fileLength;
    }

    static ModelFormatException truncated(String source, long have, long need, String what) {
        return new ModelFormatException(Kind.TRUNCATED, source, "truncated: " + have + " bytes, " + what + " needs " + need);
    }
}
