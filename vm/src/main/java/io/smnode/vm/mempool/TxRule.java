package io.smnode.vm.mempool;

import io.smnode.core.verdict.Rule;

/** Why a transaction from gossip (or an API) is not taken into the mempool, or one fetched by id is refused. */
public enum TxRule implements Rule {
    /** It does not parse against the current accounts (see the detail for the parser's reason). */
    INVALID,
    /** Its signature part does not verify for its principal's template. */
    SIGNATURE,
    /** A gas price of zero: it would never be included. */
    ZERO_GAS_PRICE,
    /** Its nonce is below the principal's next nonce. */
    NONCE_TOO_LOW,
    /** The principal has the most pending transactions the mempool holds. */
    TOO_MANY_PENDING,
    /** The principal's projected balance does not cover it. */
    INSUFFICIENT_BALANCE,
    /** The same transaction is stored already. */
    KNOWN,
    /** Bytes a peer served for a transaction fetched by id do not hash to that id (the reference's errWrongHash). */
    WRONG_ID;

    @Override
    public String domain() {
        return "tx";
    }
}
