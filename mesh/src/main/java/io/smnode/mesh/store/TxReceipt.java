package io.smnode.mesh.store;

import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.vm.FailureReason;
import io.smnode.vm.Receipt;
import java.util.Objects;
import java.util.Optional;

/** What is kept of an executed transaction: its layer, success or failure, and the gas and fee charged. */
public record TxReceipt(TxId id, LayerId layer, Optional<FailureReason> failure, long gas, long fee) {
    public TxReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(failure, "failure");
    }

    public static TxReceipt of(Receipt r) {
        return new TxReceipt(r.id(), r.layer(), r.failure(), r.gas(), r.fee());
    }
}
