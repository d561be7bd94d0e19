package io.smnode.mesh.block;

import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import java.util.List;
import java.util.Objects;

/**
 * What the generator derives from the agreed proposals (the reference's {@code proposalMetadata}): tick height,
 * rewards sorted by ATX id, the ordered transaction ids (gas-pruned unless optimistic) and whether the proposals'
 * mesh-hash majority lets the layer be executed optimistically.
 */
public record BlockMetadata(LayerId layer, long tickHeight, List<AnyReward> rewards, List<TxId> txIds,
        boolean optimistic) {
    public BlockMetadata {
        Objects.requireNonNull(layer, "layer");
        rewards = List.copyOf(rewards);
        txIds = List.copyOf(txIds);
    }

    /** The block of a non-optimistic layer: exactly these fields. */
    public Block block() {
        return new Block(new InnerBlock(layer, tickHeight, rewards, txIds));
    }

    /** The block of an optimistic layer: only the transactions that were executed (effective) stay. */
    public Block blockWithExecuted(List<TxId> executed) {
        return new Block(new InnerBlock(layer, tickHeight, rewards, executed));
    }
}
