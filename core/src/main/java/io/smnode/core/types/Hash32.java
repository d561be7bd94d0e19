package io.smnode.core.types;

/** A 32-byte hash (BLAKE3 or SHA-256 output). */
public final class Hash32 extends FixedBytes {
    public static final int LENGTH = 32;
    public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

    private Hash32(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Hash32 of(byte[] bytes) {
        return new Hash32(bytes);
    }

    public static Hash32 ofHex(String hex) {
        return new Hash32(hexOf(hex));
    }
}
