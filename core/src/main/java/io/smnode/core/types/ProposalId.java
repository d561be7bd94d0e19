package io.smnode.core.types;

/** A proposal id: Hash20 of the ballot metadata. Hashed and sorted as 32 bytes (id + 12 zeros), see {@link #bytes32}. */
public final class ProposalId extends ShortId {
    public static final ProposalId ZERO = new ProposalId(new byte[LENGTH]);

    private ProposalId(byte[] bytes) {
        super(bytes);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static ProposalId of(byte[] bytes) {
        return new ProposalId(bytes);
    }

    public static ProposalId ofHex(String hex) {
        return new ProposalId(hexOf(hex));
    }
}
