package io.smnode.mesh.block;

/** A layer could not be applied: what is missing or out of order, with a human-readable detail. */
public final class MeshException extends Exception {
    /** Why applying stopped. */
    public enum Reason {
        /** The layer is not the one after the last applied layer. */
        OUT_OF_ORDER,
        /** The block to apply is not stored. */
        BLOCK_MISSING,
        /** A transaction the block names is not stored. */
        TX_MISSING,
        /** An ATX the block rewards is not known in the layer's epoch. */
        ATX_MISSING,
        /** The VM refused the layer (a layer before effective genesis, or a reward share above uint64). */
        VM_REFUSED
    }

    private final Reason reason;

    public MeshException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
