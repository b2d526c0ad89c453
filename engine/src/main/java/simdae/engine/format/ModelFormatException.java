package simdae.engine.format;

import java.io.IOException;

/**
 * A model file that cannot be read, with a {@link Kind} a caller can act on (tell the user the file is not a model,
 * that it needs a newer simdae, that it is damaged...). The message names the file when it is known.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the file was refused. */
    public enum Kind {
        /** The bytes do not start with the simdae magic number: some other file. */
        NOT_A_MODEL,
        /** A major version this reader does not know (written by a newer, incompatible simdae). */
        UNSUPPORTED_VERSION,
        /** The file ends before the length it declares. */
        TRUNCATED,
        /** A CRC-32C does not match: the bytes were damaged after writing. */
        CHECKSUM_MISMATCH,
        /** The checksums pass but the contents contradict themselves (sizes, offsets, codes, types). */
        INCONSISTENT,
        /** A tensor uses a storage type this reader does not know. */
        UNKNOWN_DTYPE,
        /** A well-formed file larger than this reader can hold (2 GiB, or more parameters than a network allows). */
        TOO_LARGE
    }

    private final Kind kind;
    private final String source;

    /**
     * An error of the given kind.
     *
     * @param kind why the file was refused
     * @param source file name or other description of where the bytes came from, or {@code null}
     * @param detail what exactly is wrong
     */
    public ModelFormatException(Kind kind, String source, String detail) {
        super(source == null ? detail : source + ": " + detail);
        this.kind = kind;
        this.source = source;
    }

    /** Why the file was refused. */
    public Kind kind() {
        return kind;
    }

    /** Where the bytes came from, or {@code null} when unknown. */
    public String source() {
        return source;
    }
}
