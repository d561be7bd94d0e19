package io.smnode.vm;

/**
 * Why an executed transaction failed. A failed transaction still pays its fee and uses its nonce; the handlers
 * check before they change anything, so nothing else changes.
 */
public enum FailureReason {
    /** The balance did not cover max gas times gas price: the whole balance was taken as the fee. */
    OUT_OF_GAS,
    /** The sending account's balance is below the amount. */
    NO_BALANCE,
    /** The transfers would exceed the transaction's max spend. */
    MAX_SPEND,
    /** The spawned address already holds a spawned account. */
    ALREADY_SPAWNED,
    /** A drain names an account that is not spawned. */
    NOT_SPAWNED,
    /** A drain names an account that is not a vault. */
    TEMPLATE_MISMATCH,
    /** A spawn's arguments were refused by the template at execution. */
    INVALID_SPAWN_ARGS,
    VAULT_NOT_OWNER,
    /** The vault holds less than its still-locked amount. */
    VAULT_MISCONFIGURED,
    VAULT_AMOUNT_NOT_AVAILABLE
}
