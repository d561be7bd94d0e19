package io.smnode.activation.malfeasance;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.signing.Domain;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof 0x14 (spec 11 §6.5): a v2 ATX in which the identity's PoST declares the same previous ATX as a whole v1
 * ATX it signed (carried in v1 SCALE). Made by the v2 handler, and by the v1 handler for a late v1 ATX that
 * collides with a stored v2 one (PR #6581).
 */
public record ProofInvalidPrevAtxV1(NodeId nodeId, AtxId prevAtx, InvalidPrevAtxProof proof, ActivationTxV1 atxV1)
        implements AtxMalfeasanceProof {
    public static final ScaleCodec<ProofInvalidPrevAtxV1> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("PrevATX", CoreCodecs.ATX_ID, v.prevAtx());
                w.field("Proof", InvalidPrevAtxProof.CODEC, v.proof());
                w.field("ATXv1", ActivationTxV1.CODEC, v.atxV1());
            },
            r -> new ProofInvalidPrevAtxV1(r.field("NodeID", CoreCodecs.NODE_ID), r.field("PrevATX", CoreCodecs.ATX_ID),
                    r.field("Proof", InvalidPrevAtxProof.CODEC), r.field("ATXv1", ActivationTxV1.CODEC)));

    /** The proof from a v2 and a v1 ATX (the reference's constructor); empty unless they collide as required. */
    public static Optional<ProofInvalidPrevAtxV1> of(ActivationTxV2 v2, ActivationTxV1 v1, NodeId nodeId,
                                                     Function<AtxId, Optional<ActivationTxV2>> marriageAtxOf,
                                                     Function<AtxId, Optional<NodeId>> smesherOf) {
        if (!v1.smesherId().equals(nodeId)) {
            return Optional.empty();
        }
        Optional<InvalidPrevAtxProof.Located> at = InvalidPrevAtxProofs.locate(v2, nodeId, marriageAtxOf, smesherOf);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        AtxId prev = at.get().previous(v2);
        if (!prev.equals(v1.challenge().prevAtx())) {
            return Optional.empty();
        }
        return Optional.of(new ProofInvalidPrevAtxV1(nodeId, prev, InvalidPrevAtxProof.of(v2, prev, at.get()), v1));
    }

    @Override
    public ProofType type() {
        return ProofType.INVALID_PREVIOUS_V1;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public NodeId validate(MalfeasanceChecks checks) throws ProofFailure {
        proof.validate(checks, prevAtx, nodeId);
        ProofFailure.require(checks.signature(Domain.ATX, atxV1.smesherId(), atxV1.metadata().encode(),
                atxV1.signature()), MalfeasanceRule.V1_SIGNATURE, "the v1 ATX's signature does not verify");
        ProofFailure.require(nodeId.equals(atxV1.smesherId()), MalfeasanceRule.V1_OF_ANOTHER_IDENTITY,
                "the v1 ATX is signed by " + atxV1.smesherId().hex());
        ProofFailure.require(atxV1.challenge().prevAtx().equals(prevAtx), MalfeasanceRule.V1_OTHER_PREVIOUS,
                "the v1 ATX declares " + atxV1.challenge().prevAtx().hex());
        return nodeId;
    }
}
