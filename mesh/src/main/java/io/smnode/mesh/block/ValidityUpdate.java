package io.smnode.mesh.block;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.Objects;

/**
 * One layer of the tortoise's updates (spec 05 §10; the reference's {@code result.Layer}): whether it is verified,
 * its opinion hash (stored as the layer's mesh hash) and the blocks with their verdicts, in the tortoise's order.
 */
public record ValidityUpdate(LayerId layer, boolean verified, Hash32 opinion, List<BlockValidity> blocks) {
    public ValidityUpdate {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(opinion, "opinion");
        blocks = List.copyOf(blocks);
    }

    /**
     * The block the layer should hold: the first valid one, else the first hare output not decided invalid, else
     * the zero id (an empty layer).
     */
    public BlockId target() {
        for (BlockValidity b : blocks) {
            if (b.valid()) {
                return b.id();
            }
        }
        for (BlockValidity b : blocks) {
            if (b.hare() && !b.invalid()) {
                return b.id();
            }
        }
        return BlockId.ZERO;
    }
}
