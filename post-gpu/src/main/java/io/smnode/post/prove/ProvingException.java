package io.smnode.post.prove;

/** Proving stopped without a proof, for a typed reason. */
public final class ProvingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why no proof came out. */
    public enum Reason {
        /** The reference's difficulty errors: no labels, or not more labels than K1. */
        INVALID_DIFFICULTY,
        /** The next pass would need a nonce group above 255, which no verifier accepts. */
        NONCES_EXHAUSTED,
        /** The k2pow solver found no pow for a group. */
        K2POW_NOT_FOUND,
        /** The caller asked to stop. */
        CANCELLED
    }

    private final Reason reason;

    public ProvingException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
