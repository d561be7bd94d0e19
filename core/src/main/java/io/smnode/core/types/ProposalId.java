package io.smnode.core.types;

/** A proposal id: Hash20 of the ballot metadata. Hashed and sorted as 32 bytes (id + 12 zeros), see {@link #bytes32}. */
public final class ProposalId extends FixedBytes {
    public static final int LENGTH = 20;
    public static final ProposalId ZERO = new ProposalId(new byte[LENGTH]);

    private ProposalId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static ProposalId of(byte[] bytes) {
        return new ProposalId(bytes);
    }

    public static ProposalId ofHex(String hex) {
        return new ProposalId(hexOf(hex));
    }

    /** The reference's {@code Bytes()} form: the 20 id bytes followed by 12 zero bytes, used when hashing and sorting. */
    public byte[] bytes32() {
        byte[] out = new byte[32];
        copyTo(out, 0);
        return out;
    }
}
