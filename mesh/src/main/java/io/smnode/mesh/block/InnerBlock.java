package io.smnode.mesh.block;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import java.util.List;
import java.util.Objects;

/**
 * What a block is (spec 06 §1): its layer, the highest base tick height of the proposals' ATXs, the rewards sorted
 * by ATX id and the ordered transaction ids. The block id hashes exactly these fields.
 */
public record InnerBlock(LayerId layer, long tickHeight, List<AnyReward> rewards, List<TxId> txIds) {
    /** The reference's {@code scale:"max=2350"} on rewards. */
    public static final int MAX_REWARDS = 2350;
    /** The reference's {@code scale:"max=100000"} on transaction ids. */
    public static final int MAX_TXS = 100_000;

    public InnerBlock {
        Objects.requireNonNull(layer, "layer");
        rewards = List.copyOf(rewards);
        txIds = List.copyOf(txIds);
    }

    public static final ScaleCodec<InnerBlock> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("LayerIndex", CoreCodecs.LAYER_ID, v.layer());
                w.field("TickHeight", ScaleCodecs.COMPACT_U64, v.tickHeight());
                w.field("Rewards", ScaleCodecs.structSlice(AnyReward.CODEC, MAX_REWARDS), v.rewards());
                w.field("TxIDs", ScaleCodecs.structSlice(CoreCodecs.TX_ID, MAX_TXS), v.txIds());
            },
            r -> new InnerBlock(
                    r.field("LayerIndex", CoreCodecs.LAYER_ID),
                    r.field("TickHeight", ScaleCodecs.COMPACT_U64),
                    r.field("Rewards", ScaleCodecs.structSlice(AnyReward.CODEC, MAX_REWARDS)),
                    r.field("TxIDs", ScaleCodecs.structSlice(CoreCodecs.TX_ID, MAX_TXS))));

    /** {@code Hash20(SCALE(InnerBlock))}. */
    public BlockId id() {
        return BlockId.of(Blake3.hash20(Scale.encode(CODEC, this)).toByteArray());
    }
}
