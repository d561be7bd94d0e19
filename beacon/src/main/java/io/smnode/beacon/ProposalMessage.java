package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfProof;

/** {@code ProposalMessage{EpochID, NodeID, VRFSignature}}: a node's beacon proposal, the VRF proof itself. */
public record ProposalMessage(EpochId epoch, NodeId nodeId, VrfProof vrfProof) implements BeaconMessage {
    static final ScaleCodec<VrfProof> PROOF = ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of);

    public static final ScaleCodec<ProposalMessage> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("EpochID", CoreCodecs.EPOCH_ID, v.epoch());
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("VRFSignature", PROOF, v.vrfProof());
            },
            r -> new ProposalMessage(
                    r.field("EpochID", CoreCodecs.EPOCH_ID),
                    r.field("NodeID", CoreCodecs.NODE_ID),
                    r.field("VRFSignature", PROOF)));

    public static ProposalMessage decode(byte[] bytes) throws ScaleException {
        return Scale.decode("ProposalMessage", CODEC, bytes);
    }

    /** The proposal value: the proof's first 4 bytes. */
    public BeaconProposal proposal() {
        return BeaconProposal.fromProof(vrfProof);
    }

    @Override
    public BeaconTopic topic() {
        return BeaconTopic.PROPOSAL;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
