package io.smnode.vm;

/** Ends a transaction's execution with a failure; carries only the reason (control flow, no stack trace). */
final class TxFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final FailureReason reason;

    TxFailure(FailureReason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    FailureReason reason() {
        return reason;
    }
}
