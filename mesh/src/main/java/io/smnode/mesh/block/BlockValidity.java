package io.smnode.mesh.block;

import io.smnode.core.types.BlockId;
import java.util.Objects;

/**
 * The tortoise's verdict on one block of a layer update (the reference's {@code result.Block}; mesh does not depend
 * on the tortoise module, so the node maps the tortoise's {@code BlockResult} onto this).
 *
 * @param data the block's contents are stored
 * @param hare the layer's hare output is this block
 * @param valid decided valid; {@code invalid} decided invalid; neither means undecided
 * @param local crossed the local threshold in favour
 */
public record BlockValidity(BlockId id, boolean data, boolean hare, boolean valid, boolean invalid, boolean local) {
    public BlockValidity {
        Objects.requireNonNull(id, "id");
    }
}
