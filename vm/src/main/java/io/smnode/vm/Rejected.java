package io.smnode.vm;

import io.smnode.core.types.TxId;
import io.smnode.vm.tx.RejectReason;
import java.util.Objects;

/** An ineffective transaction of a block: skipped, no state change. */
public record Rejected(TxId id, RejectReason reason, String detail) {
    public Rejected {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
