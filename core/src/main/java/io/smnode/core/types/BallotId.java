package io.smnode.core.types;

/** A ballot id: Hash20 of the inner ballot. Hashed and sorted as 32 bytes (id + 12 zeros), see {@link #bytes32}. */
public final class BallotId extends FixedBytes {
    public static final int LENGTH = 20;
    public static final BallotId ZERO = new BallotId(new byte[LENGTH]);

    private BallotId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static BallotId of(byte[] bytes) {
        return new BallotId(bytes);
    }

    public static BallotId ofHex(String hex) {
        return new BallotId(hexOf(hex));
    }

    /** The reference's {@code Bytes()} form: the 20 id bytes followed by 12 zero bytes, used when hashing and sorting. */
    public byte[] bytes32() {
        byte[] out = new byte[32];
        copyTo(out, 0);
        return out;
    }
}
