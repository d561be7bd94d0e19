package io.smnode.vm.tx;

/** A transaction that cannot be executed, with the typed reason. */
public final class InvalidTxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    public InvalidTxException(RejectReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
