package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfProof;

/** Weak coin {@code Message{Epoch, Round, Unit, NodeID, VRFSignature}}: one unit's VRF proof for a round's coin. */
public record WeakCoinMessage(EpochId epoch, long round, long unit, NodeId nodeId, VrfProof vrfProof)
        implements BeaconMessage {
    public WeakCoinMessage {
        if (round < 0 || round > 0xffff_ffffL || unit < 0 || unit > 0xffff_ffffL) {
            throw new IllegalArgumentException("round and unit are uint32");
        }
    }

    public static final ScaleCodec<WeakCoinMessage> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Epoch", CoreCodecs.EPOCH_ID, v.epoch());
                w.field("Round", ScaleCodecs.COMPACT_U32, v.round());
                w.field("Unit", ScaleCodecs.COMPACT_U32, v.unit());
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("VRFSignature", ProposalMessage.PROOF, v.vrfProof());
            },
            r -> new WeakCoinMessage(
                    r.field("Epoch", CoreCodecs.EPOCH_ID),
                    r.field("Round", ScaleCodecs.COMPACT_U32),
                    r.field("Unit", ScaleCodecs.COMPACT_U32),
                    r.field("NodeID", CoreCodecs.NODE_ID),
                    r.field("VRFSignature", ProposalMessage.PROOF)));

    public static WeakCoinMessage decode(byte[] bytes) throws ScaleException {
        return Scale.decode("WeakCoinMessage", CODEC, bytes);
    }

    @Override
    public BeaconTopic topic() {
        return BeaconTopic.WEAK_COIN;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
