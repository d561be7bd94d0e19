package io.smnode.activation.v2;

import io.smnode.activation.NIPostChallenge;
import io.smnode.activation.PostV1;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * What an identity registers at a PoET for a v2 ATX (spec 11 §2.3); not carried in the ATX, which the validator
 * rebuilds it from. An initial challenge has a zero previous ATX and the initial PoST; v2 has no commitment ATX
 * and no sequence number here.
 */
public record NIPostChallengeV2(EpochId publishEpoch, AtxId prevAtx, AtxId positioningAtx,
                                Optional<PostV1> initialPost) implements NIPostChallenge {
    private static final byte[] LEAF_PREFIX = {0x00};

    public static final ScaleCodec<NIPostChallengeV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
                w.field("PrevATXID", CoreCodecs.ATX_ID, v.prevAtx());
                w.field("PositioningATXID", CoreCodecs.ATX_ID, v.positioningAtx());
                w.field("InitialPost", ScaleCodecs.option(PostV1.CODEC), v.initialPost());
            },
            r -> new NIPostChallengeV2(r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                    r.field("PrevATXID", CoreCodecs.ATX_ID), r.field("PositioningATXID", CoreCodecs.ATX_ID),
                    r.field("InitialPost", ScaleCodecs.option(PostV1.CODEC))));

    /** {@code BLAKE3(0x00 || SCALE(challenge))}: the leaf registered at the PoET and proven in the membership. */
    @Override
    public Hash32 hash() {
        return Blake3.hash(LEAF_PREFIX, Scale.encode(CODEC, this));
    }

    @Override
    public boolean isInitial() {
        return initialPost.isPresent();
    }
}
