package simdae.engine.io;

/** The element types of the IDX format, with their type codes (third header byte) and sizes in bytes. */
public enum IdxType {
    /** Unsigned byte, 0x08. */
    UBYTE(0x08, 1),
    /** Signed byte, 0x09. */
    BYTE(0x09, 1),
    /** Big-endian signed 16-bit integer, 0x0B. */
    SHORT(0x0B, 2),
    /** Big-endian signed 32-bit integer, 0x0C. */
    INT(0x0C, 4),
    /** Big-endian IEEE float32, 0x0D. */
    FLOAT(0x0D, 4),
    /** Big-endian IEEE float64, 0x0E. */
    DOUBLE(0x0E, 8);

    /** The type code stored in the header. */
    public final int code;
    /** Bytes per element. */
    public final int size;

    IdxType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    /** The type with this code, or {@code null} when the code is not one of the six defined by the format. */
    public static IdxType fromCode(int code) {
        for (IdxType t : values()) if (t.code == code) return t;
        return null;
    }

    /** Whether elements are integers (and so can be labels). */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE;
    }
}
