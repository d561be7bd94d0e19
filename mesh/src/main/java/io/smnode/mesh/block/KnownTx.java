package io.smnode.mesh.block;

import io.smnode.core.types.TxId;
import io.smnode.vm.tx.TxHeader;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as the node's store knows it: its id, its parsed header (absent when it could not be parsed) and
 * whether it was already applied in an earlier layer (the store's non-zero layer column).
 */
public record KnownTx(TxId id, Optional<TxHeader> header, boolean applied) {
    public KnownTx {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
    }
}
