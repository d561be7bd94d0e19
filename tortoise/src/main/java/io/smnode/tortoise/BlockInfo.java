package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.Comparator;

/** Mutable per-block tortoise state. Ballots' vote chains point at these objects, so identity matters. */
final class BlockInfo {
    /** Heights are uint64 in the reference, so they compare unsigned. */
    static final Comparator<BlockInfo> BY_HEIGHT = (a, b) -> Long.compareUnsigned(a.height, b.height);

    /** The (height, id) order of blocks in a layer and in a vote, which the opinion hash depends on. */
    static final Comparator<BlockInfo> BY_HEIGHT_THEN_ID = BY_HEIGHT.thenComparing(b -> b.id);

    final BlockId id;
    final long layer;
    final long height;
    Sign hare = Sign.NEUTRAL;
    Sign validity = Sign.NEUTRAL;
    /** Full mode: weight of ballots supporting minus weight of ballots against. */
    Fixed margin = Fixed.ZERO;
    /** Block contents are available locally. */
    boolean data;

    BlockInfo(BlockId id, long layer, long height) {
        this.id = id;
        this.layer = layer;
        this.height = height;
    }

    static BlockInfo of(BlockHeader header) {
        return new BlockInfo(header.id(), header.layer().value(), header.height());
    }

    BlockHeader header() {
        return new BlockHeader(id, LayerId.of(layer), height);
    }

    boolean sameHeader(BlockHeader h) {
        return id.equals(h.id()) && layer == h.layer().value() && height == h.height();
    }
}
