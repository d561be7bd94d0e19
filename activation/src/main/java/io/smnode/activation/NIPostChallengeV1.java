package io.smnode.activation;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * What an identity registers at a PoET for publish epoch {@code publishEpoch}. An initial challenge (empty
 * {@code prevAtx}) carries the commitment ATX and the initial PoST; later ones carry neither.
 *
 * @param sequence the bits of an unsigned 64-bit counter
 */
public record NIPostChallengeV1(EpochId publishEpoch, long sequence, AtxId prevAtx, AtxId positioningAtx,
                                Optional<AtxId> commitmentAtx, Optional<PostV1> initialPost) implements NIPostChallenge {
    /** Leaf prefix of the PoET membership tree; inner nodes use 0x01 (spec 01 §3). */
    private static final byte[] LEAF_PREFIX = {0x00};

    /** Inline in {@link InnerActivationTxV1}, as Go embeds the struct. */
    public static final ScaleCodec<NIPostChallengeV1> CODEC = ScaleCodec.of(NIPostChallengeV1::encodeFields,
            NIPostChallengeV1::decodeFields);

    @Override
    public boolean isInitial() {
        return prevAtx.isZero();
    }

    /** {@code BLAKE3(0x00 || SCALE(challenge))}: what is registered at the PoET and is the membership leaf. */
    @Override
    public Hash32 hash() {
        return Blake3.hash(LEAF_PREFIX, Scale.encode(CODEC, this));
    }

    static void encodeFields(ScaleWriter w, NIPostChallengeV1 v) {
        w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
        w.field("Sequence", ScaleCodecs.COMPACT_U64, v.sequence());
        w.field("PrevATXID", CoreCodecs.ATX_ID, v.prevAtx());
        w.field("PositioningATX", CoreCodecs.ATX_ID, v.positioningAtx());
        w.field("CommitmentATX", ScaleCodecs.option(CoreCodecs.ATX_ID), v.commitmentAtx());
        w.field("InitialPost", ScaleCodecs.option(PostV1.CODEC), v.initialPost());
    }

    static NIPostChallengeV1 decodeFields(ScaleReader r) throws ScaleException {
        return new NIPostChallengeV1(
                r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                r.field("Sequence", ScaleCodecs.COMPACT_U64),
                r.field("PrevATXID", CoreCodecs.ATX_ID),
                r.field("PositioningATX", CoreCodecs.ATX_ID),
                r.field("CommitmentATX", ScaleCodecs.option(CoreCodecs.ATX_ID)),
                r.field("InitialPost", ScaleCodecs.option(PostV1.CODEC)));
    }
}
