package io.smnode.vm;

import io.smnode.core.types.Address;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.vm.tx.TxHeader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an executed (effective) transaction: success, or failure with its reason; gas and fee are what was
 * charged; {@code touched} lists the principal then every other account it changed, in order.
 */
public record Receipt(TxId id, TxHeader header, Optional<FailureReason> failure, long gas, long fee,
        List<Address> touched, LayerId layer) {
    public Receipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(failure, "failure");
        touched = List.copyOf(touched);
        Objects.requireNonNull(layer, "layer");
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
