package io.smnode.core.types;

/** A ballot id: Hash20 of the inner ballot. Hashed and sorted as 32 bytes (id + 12 zeros), see {@link #bytes32}. */
public final class BallotId extends ShortId {
    public static final BallotId ZERO = new BallotId(new byte[LENGTH]);

    private BallotId(byte[] bytes) {
        super(bytes);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static BallotId of(byte[] bytes) {
        return new BallotId(bytes);
    }

    public static BallotId ofHex(String hex) {
        return new BallotId(hexOf(hex));
    }
}
