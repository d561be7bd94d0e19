package io.smnode.core.types;

/** A 20-byte hash: the first 20 bytes of a BLAKE3 output (the XOF prefix). */
public final class Hash20 extends FixedBytes {
    public static final int LENGTH = 20;
    public static final Hash20 ZERO = new Hash20(new byte[LENGTH]);

    private Hash20(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Hash20 of(byte[] bytes) {
        return new Hash20(bytes);
    }

    public static Hash20 ofHex(String hex) {
        return new Hash20(hexOf(hex));
    }
}
