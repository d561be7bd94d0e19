package io.smnode.mesh.block;

import io.smnode.core.types.Address;
import io.smnode.core.types.NodeId;
import java.util.Objects;

/**
 * What blocks need from an ATX of the layer's epoch (the reference's {@code atxsdata.ATX}): its identity and
 * coinbase (where rewards go), its weight (uint64) and base tick height (the block's tick height is their maximum).
 */
public record AtxInfo(NodeId smesher, Address coinbase, long weight, long baseHeight) {
    public AtxInfo {
        Objects.requireNonNull(smesher, "smesher");
        Objects.requireNonNull(coinbase, "coinbase");
    }
}
