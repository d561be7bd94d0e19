package io.smnode.tortoise;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.Objects;

/** A block as the tortoise sees it, and as a ballot names it in a vote (the reference's Vote / BlockHeader). */
public record BlockHeader(BlockId id, LayerId layer, long height) {
    public BlockHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
    }
}
