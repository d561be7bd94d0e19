package io.smnode.core.types;

/** A transaction id: BLAKE3 of the raw transaction bytes. */
public final class TxId extends FixedBytes {
    public static final int LENGTH = 32;
    public static final TxId ZERO = new TxId(new byte[LENGTH]);

    private TxId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static TxId of(byte[] bytes) {
        return new TxId(bytes);
    }

    public static TxId ofHex(String hex) {
        return new TxId(hexOf(hex));
    }
}
