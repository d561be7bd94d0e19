package io.smnode.hare;

/** Why received hare bytes are not a well-formed message (gossip: reject, do not relay). */
public final class InvalidHareMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The bytes are not SCALE of a message (truncated, trailing bytes, too many proposals, ...). */
        MALFORMED,
        /** A commit or notify message without a reference. */
        MISSING_REFERENCE,
        /** A preround or propose message with a reference. */
        UNEXPECTED_REFERENCE
    }

    private final Reason reason;

    public InvalidHareMessageException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public InvalidHareMessageException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
