package io.smnode.vm.tx;

import io.smnode.core.types.Address;
import java.util.Objects;

/**
 * What the VM and the mempool need from a parsed transaction ({@code types.TxHeader}). Nonce, gas price, max gas
 * and max spend are uint64 bits.
 *
 * @param template the spawned template for a spawn, else the principal's
 */
public record TxHeader(Address principal, Address template, int method, long nonce, long gasPrice, long maxGas,
        long maxSpend) {
    public TxHeader {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(template, "template");
    }

    /** The fee charged up front: max gas times gas price, in uint64 arithmetic (wraps, as the reference). */
    public long fee() {
        return maxGas * gasPrice;
    }

    /** Fee plus the most the principal can pay out (uint64 arithmetic). */
    public long maxSpending() {
        return fee() + maxSpend;
    }
}
