package simdae.engine.format;

/** The numbers of weights/FORMAT.md in one place, so writer and reader cannot drift apart. */
final class Spec {
    /** PNG-style: a high byte catches 7-bit transfers, CR LF and ^Z catch text-mode conversions. */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'A', 'E', '\r', '\n', 0x1a, '\n'};
    static final int MAJOR = 1;
    static final int MINOR = 0;

    static final int OFF_MAJOR = 8;
    static final int OFF_MINOR = 10;
    static final int OFF_HEADER_LENGTH = 12;
    static final int OFF_FILE_LENGTH = 16;
    static final int OFF_PREAMBLE_CRC = 24;
    /** Magic, version, header length, file length, preamble CRC. */
    static final int PREAMBLE_BYTES = 28;
    /** The whole-file CRC-32C. */
    static final int TRAILER_BYTES = 4;

    static final int MAX_HEADER_BYTES = 1 << 20;
    /** Payload alignment: a cache line, and a multiple of every element size, so mapped tensors are aligned. */
    static final int ALIGNMENT = 64;
    static final int TENSOR_ENTRY_BYTES = 28;
    /** One heap array or one mapping; also far more than any dense autoencoder this library trains. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    /** {@link simdae.engine.nn.Network}'s own limit on the flat parameter array. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE - 16;

    static final int TYPE_I32 = 1;
    static final int TYPE_I64 = 2;
    static final int TYPE_F64 = 3;
    static final int TYPE_STRING = 4;
    static final int TYPE_F64_ARRAY = 5;

    private Spec() {
    }

    /** {@code n} rounded up to the payload alignment. */
    static long align(long n) {
        return (n + ALIGNMENT - 1) & -(long) ALIGNMENT;
    }
}
