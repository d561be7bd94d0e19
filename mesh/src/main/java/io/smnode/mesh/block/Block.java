package io.smnode.mesh.block;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.Objects;

/**
 * A block: an {@link InnerBlock} and its id, computed once. On the wire a block is its inner block alone (the
 * reference's {@code Block} embeds {@code InnerBlock} and keeps the id private), so decoding recomputes the id.
 */
public final class Block {
    public static final ScaleCodec<Block> CODEC = ScaleCodec.of(
            (w, v) -> InnerBlock.CODEC.encode(w, v.inner()),
            r -> new Block(InnerBlock.CODEC.decode(r)));

    private final InnerBlock inner;
    private final BlockId id;

    public Block(InnerBlock inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.id = inner.id();
    }

    public InnerBlock inner() {
        return inner;
    }

    public BlockId id() {
        return id;
    }

    public LayerId layer() {
        return inner.layer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.inner.equals(inner);
    }

    @Override
    public int hashCode() {
        return inner.hashCode();
    }

    @Override
    public String toString() {
        return "Block(" + id.hex() + " @" + inner.layer() + ", " + inner.txIds().size() + " txs, "
                + inner.rewards().size() + " rewards)";
    }
}
