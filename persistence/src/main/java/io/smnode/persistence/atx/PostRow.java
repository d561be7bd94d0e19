package io.smnode.persistence.atx;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;

/** The stored part of an {@link io.smnode.activation.IdentityPost} (the key holds the ATX and identity). */
record PostRow(AtxId previous, long previousIndex, long units, EpochId publishEpoch) {
    static final ScaleCodec<PostRow> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Previous", CoreCodecs.ATX_ID, v.previous());
                w.field("PreviousIndex", ScaleCodecs.COMPACT_U32, v.previousIndex());
                w.field("Units", ScaleCodecs.COMPACT_U32, v.units());
                w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
            },
            r -> new PostRow(r.field("Previous", CoreCodecs.ATX_ID), r.field("PreviousIndex", ScaleCodecs.COMPACT_U32),
                    r.field("Units", ScaleCodecs.COMPACT_U32), r.field("PublishEpoch", CoreCodecs.EPOCH_ID)));
}
