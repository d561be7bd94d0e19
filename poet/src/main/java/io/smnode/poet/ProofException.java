package io.smnode.poet;

/** Why a PoET or membership proof is refused. Checked: every caller of a verifier must handle a bad proof. */
public final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The class of fault, in the order the reference verifier checks them. */
    public enum Reason {
        /** The number of proven leaves differs from the security parameter T. */
        WRONG_PROVEN_LEAF_COUNT,
        /** A Merkle proof must prove at least one leaf. */
        NO_LEAVES,
        /** Proven leaves and their indices differ in number. */
        INDEX_COUNT_MISMATCH,
        /** Proven indices are not ascending. */
        INDICES_NOT_SORTED,
        /** Proven indices repeat. */
        DUPLICATE_INDICES,
        /** The root rebuilt from leaves and proof nodes is not the claimed root. */
        ROOT_MISMATCH,
        /** The rebuilt tree does not give one left-sibling list per proven leaf. */
        SNAPSHOT_COUNT_MISMATCH,
        /** A proven leaf is not the label its index and left siblings hash to. */
        LABEL_MISMATCH
    }

    private final Reason reason;

    public ProofException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
