package io.smnode.tortoise;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.List;

/** One layer of {@link Tortoise#updates()}: what the mesh applies (or reverts) for it (spec 05 §10). */
public record LayerUpdate(LayerId layer, boolean verified, Hash32 opinion, List<BlockResult> blocks) {
    public LayerUpdate {
        blocks = List.copyOf(blocks);
    }
}
