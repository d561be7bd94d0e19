package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.NodeId;

/** {@code FirstVotingMessage{body, SmesherID, Signature}}: round 0's vote, signed under BEACON_FIRST_MSG. */
public record FirstVotingMessage(FirstVotingBody body, NodeId smesherId, Signature signature) implements BeaconMessage {
    static final ScaleCodec<Signature> SIGNATURE = ScaleCodecs.fixed(Signature.LENGTH, Signature::of);

    public static final ScaleCodec<FirstVotingMessage> CODEC = ScaleCodec.of(
            (w, v) -> {
                FirstVotingBody.CODEC.encode(w, v.body()); // embedded struct: its fields inline
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", SIGNATURE, v.signature());
            },
            r -> new FirstVotingMessage(
                    FirstVotingBody.CODEC.decode(r),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", SIGNATURE)));

    public static FirstVotingMessage sign(FirstVotingBody body, EdSigner signer) {
        return new FirstVotingMessage(body, signer.nodeId(), signer.sign(Domain.BEACON_FIRST_MSG, body.encode()));
    }

    public static FirstVotingMessage decode(byte[] bytes) throws ScaleException {
        return Scale.decode("FirstVotingMessage", CODEC, bytes);
    }

    @Override
    public BeaconTopic topic() {
        return BeaconTopic.FIRST_VOTES;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
