package io.smnode.core.types;

/** A block id: Hash20 of the inner block. Hashed and sorted as 32 bytes (id + 12 zeros), see {@link #bytes32}. */
public final class BlockId extends ShortId {
    public static final BlockId ZERO = new BlockId(new byte[LENGTH]);

    private BlockId(byte[] bytes) {
        super(bytes);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static BlockId of(byte[] bytes) {
        return new BlockId(bytes);
    }

    public static BlockId ofHex(String hex) {
        return new BlockId(hexOf(hex));
    }
}
