package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;

/**
 * {@code FollowingVotingMessageBody{EpochID, RoundID, VotesBitVector}}; the bit vector is at most
 * {@value #MAX_BIT_VECTOR} bytes. This is what BEACON_FOLLOWUP_MSG signs.
 */
public record FollowingVotingBody(EpochId epoch, long round, Bytes bitVector) {
    public static final int MAX_BIT_VECTOR = 128;
    private static final ScaleCodec<Bytes> BITS = ScaleCodecs.bytes(MAX_BIT_VECTOR);

    public FollowingVotingBody {
        if (round < 0 || round > 0xffff_ffffL) {
            throw new IllegalArgumentException("round " + round + " is outside uint32");
        }
    }

    public static final ScaleCodec<FollowingVotingBody> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("EpochID", CoreCodecs.EPOCH_ID, v.epoch());
                w.field("RoundID", ScaleCodecs.COMPACT_U32, v.round());
                w.field("VotesBitVector", BITS, v.bitVector());
            },
            r -> new FollowingVotingBody(
                    r.field("EpochID", CoreCodecs.EPOCH_ID),
                    r.field("RoundID", ScaleCodecs.COMPACT_U32),
                    r.field("VotesBitVector", BITS)));

    /** The signed bytes. */
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
