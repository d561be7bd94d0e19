package io.smnode.vm.order;

import io.smnode.core.types.Address;
import io.smnode.core.types.TxId;
import java.util.Objects;

/** A transaction kept for a block, with what ordering and gas pruning need from its header. */
public record OrderCandidate(TxId id, Address principal, long nonce, long maxGas) {
    public OrderCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
    }
}
