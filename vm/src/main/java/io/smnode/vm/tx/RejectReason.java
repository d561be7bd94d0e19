package io.smnode.vm.tx;

/**
 * Why a transaction is ineffective: skipped without any state change (no fee, no nonce). The first group is found
 * while parsing, the rest by the VM's checks, in the reference's order.
 */
public enum RejectReason {
    /** Raw transaction above {@link TxParser#MAX_TX_BYTES}. */
    TOO_LARGE,
    /** Bytes that do not decode (truncated, non-canonical, bad lengths). */
    MALFORMED,
    UNSUPPORTED_VERSION,
    /** Template address that is not registered (in a spawn, or stored in the principal). */
    UNKNOWN_TEMPLATE,
    /** The principal's stored state does not decode under its template. */
    CORRUPT_STATE,
    /** Non-spawn from, or spawn of another account by, an unspawned principal. */
    NOT_SPAWNED,
    UNKNOWN_METHOD,
    /** Spawn arguments the template refuses (threshold, vault amounts or layers). */
    INVALID_SPAWN_ARGS,
    ZERO_GAS_PRICE,
    /** Balance below the intrinsic gas (base + tx data gas, compared as an amount). */
    INTRINSIC_GAS_NOT_COVERED,
    /** Less block gas left than the transaction's max gas. */
    BLOCK_GAS_EXHAUSTED,
    BAD_SIGNATURE,
    NONCE_TOO_LOW
}
