package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof 0x11 (spec 11 §6.2): one identity's marriage certificate in two different ATXs, both validly signed.
 * Marriage is permanent: marrying twice makes the identity (and with it both sets) malicious.
 */
public record ProofDoubleMarry(NodeId nodeId, AtxId atx1, NodeId smesherId1, Signature signature1, MarryProof proof1,
                               AtxId atx2, NodeId smesherId2, Signature signature2, MarryProof proof2)
        implements AtxMalfeasanceProof {
    public static final ScaleCodec<ProofDoubleMarry> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("ATX1", CoreCodecs.ATX_ID, v.atx1());
                w.field("SmesherID1", CoreCodecs.NODE_ID, v.smesherId1());
                w.field("Signature1", CoreCodecs.SIGNATURE, v.signature1());
                w.field("Proof1", MarryProof.CODEC, v.proof1());
                w.field("ATX2", CoreCodecs.ATX_ID, v.atx2());
                w.field("SmesherID2", CoreCodecs.NODE_ID, v.smesherId2());
                w.field("Signature2", CoreCodecs.SIGNATURE, v.signature2());
                w.field("Proof2", MarryProof.CODEC, v.proof2());
            },
            r -> new ProofDoubleMarry(r.field("NodeID", CoreCodecs.NODE_ID),
                    r.field("ATX1", CoreCodecs.ATX_ID), r.field("SmesherID1", CoreCodecs.NODE_ID),
                    r.field("Signature1", CoreCodecs.SIGNATURE), r.field("Proof1", MarryProof.CODEC),
                    r.field("ATX2", CoreCodecs.ATX_ID), r.field("SmesherID2", CoreCodecs.NODE_ID),
                    r.field("Signature2", CoreCodecs.SIGNATURE), r.field("Proof2", MarryProof.CODEC)));

    /** The proof from two different ATXs that both carry {@code nodeId}'s certificate; empty if they do not. */
    public static Optional<ProofDoubleMarry> of(ActivationTxV2 a1, ActivationTxV2 a2, NodeId nodeId,
                                                Function<AtxId, Optional<NodeId>> smesherOf) {
        if (a1.id().equals(a2.id())) {
            return Optional.empty();
        }
        Optional<MarryProof> p1 = MarryProof.of(a1, nodeId, smesherOf);
        Optional<MarryProof> p2 = MarryProof.of(a2, nodeId, smesherOf);
        if (p1.isEmpty() || p2.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProofDoubleMarry(nodeId, a1.id(), a1.smesherId(), a1.signature(), p1.get(),
                a2.id(), a2.smesherId(), a2.signature(), p2.get()));
    }

    @Override
    public ProofType type() {
        return ProofType.DOUBLE_MARRY;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public NodeId validate(MalfeasanceChecks checks) throws ProofFailure {
        ProofFailure.require(!atx1.equals(atx2), MalfeasanceRule.SAME_ATX, "both proofs are of ATX " + atx1.hex());
        ProofFailure.require(checks.signature(Domain.ATX, smesherId1, atx1.toByteArray(), signature1),
                MalfeasanceRule.ATX_SIGNATURE, "ATX 1 is not signed by " + smesherId1.hex());
        ProofFailure.require(checks.signature(Domain.ATX, smesherId2, atx2.toByteArray(), signature2),
                MalfeasanceRule.ATX_SIGNATURE, "ATX 2 is not signed by " + smesherId2.hex());
        proof1.validate(checks, atx1, smesherId1, nodeId);
        proof2.validate(checks, atx2, smesherId2, nodeId);
        return nodeId;
    }
}
