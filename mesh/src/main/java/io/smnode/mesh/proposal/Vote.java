package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;

/** A vote for or against a block, with its layer and height so the tortoise can count it without the block body. */
public record Vote(BlockId blockId, LayerId layer, long height) {
    public static final ScaleCodec<Vote> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("ID", CoreCodecs.BLOCK_ID, v.blockId());
                w.field("LayerID", CoreCodecs.LAYER_ID, v.layer());
                w.field("Height", ScaleCodecs.COMPACT_U64, v.height());
            },
            r -> new Vote(
                    r.field("ID", CoreCodecs.BLOCK_ID),
                    r.field("LayerID", CoreCodecs.LAYER_ID),
                    r.field("Height", ScaleCodecs.COMPACT_U64)));
}
