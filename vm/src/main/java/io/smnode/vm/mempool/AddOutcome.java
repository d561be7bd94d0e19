package io.smnode.vm.mempool;

/** What adding a transaction to the mempool did. */
public enum AddOutcome {
    /** Queued under a nonce that had no transaction yet. */
    ADDED,
    /** Took the place of a worse transaction with the same nonce. */
    REPLACED,
    /** A transaction with the same nonce is at least as good; this one is not queued (it stays stored). */
    KEPT_EXISTING,
    /** Its nonce is below the account's next nonce in the state. */
    NONCE_TOO_LOW,
    /** The account already has the maximum of pending transactions. */
    TOO_MANY_PENDING,
    /** The projected balance before it does not cover its max spending (fee plus amount). */
    INSUFFICIENT_BALANCE
}
