package io.smnode.mesh.block;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the mesh recorded for an applied layer: the block executed (zero id for an empty layer), the VM state hash
 * after it, the mesh (aggregated opinion) hash once the tortoise reported one for the layer, and whether the
 * tortoise had verified the layer when it last reported it. One row of the node's layer table.
 */
public record AppliedLayer(LayerId layer, BlockId block, Hash32 stateHash, Optional<Hash32> meshHash,
        boolean verified) {
    public AppliedLayer {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(meshHash, "meshHash");
    }

    AppliedLayer withOpinion(Hash32 hash, boolean isVerified) {
        return new AppliedLayer(layer, block, stateHash, Optional.of(hash), isVerified);
    }
}
