package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.NodeId;

/** {@code FollowingVotingMessage{body, SmesherID, Signature}}: a vote of rounds 1.., signed under BEACON_FOLLOWUP_MSG. */
public record FollowingVotingMessage(FollowingVotingBody body, NodeId smesherId, Signature signature)
        implements BeaconMessage {
    public static final ScaleCodec<FollowingVotingMessage> CODEC = ScaleCodec.of(
            (w, v) -> {
                FollowingVotingBody.CODEC.encode(w, v.body()); // embedded struct: its fields inline
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", FirstVotingMessage.SIGNATURE, v.signature());
            },
            r -> new FollowingVotingMessage(
                    FollowingVotingBody.CODEC.decode(r),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", FirstVotingMessage.SIGNATURE)));

    public static FollowingVotingMessage sign(FollowingVotingBody body, EdSigner signer) {
        return new FollowingVotingMessage(body, signer.nodeId(), signer.sign(Domain.BEACON_FOLLOWUP_MSG, body.encode()));
    }

    public static FollowingVotingMessage decode(byte[] bytes) throws ScaleException {
        return Scale.decode("FollowingVotingMessage", CODEC, bytes);
    }

    @Override
    public BeaconTopic topic() {
        return BeaconTopic.FOLLOWING_VOTES;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
