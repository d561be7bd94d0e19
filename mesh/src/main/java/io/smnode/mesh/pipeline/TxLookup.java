package io.smnode.mesh.pipeline;

import io.smnode.core.types.TxId;
import io.smnode.mesh.block.KnownTx;
import java.util.Optional;

/**
 * What block generation reads about a proposal's transactions: the parsed header the mempool keeps and whether the
 * transaction was already applied. The mempool (or its store) implements it; a node without transactions answers
 * none.
 */
@FunctionalInterface
public interface TxLookup {
    Optional<KnownTx> tx(TxId id);

    TxLookup NONE = id -> Optional.empty();
}
