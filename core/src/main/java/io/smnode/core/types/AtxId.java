package io.smnode.core.types;

/** An activation transaction id: BLAKE3 of the ATX's inner SCALE bytes (v1) or its Merkle root (v2). */
public final class AtxId extends FixedBytes {
    public static final int LENGTH = 32;
    public static final AtxId ZERO = new AtxId(new byte[LENGTH]);

    private AtxId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static AtxId of(byte[] bytes) {
        return new AtxId(bytes);
    }

    public static AtxId ofHex(String hex) {
        return new AtxId(hexOf(hex));
    }
}
