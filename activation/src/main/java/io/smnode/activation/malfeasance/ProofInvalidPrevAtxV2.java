package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof 0x15 (spec 11 §6.5): two different v2 ATXs in which one identity's PoST declares the same previous ATX.
 * {@code proofs} is a fixed array of two (no count on the wire).
 */
public record ProofInvalidPrevAtxV2(NodeId nodeId, AtxId prevAtx, List<InvalidPrevAtxProof> proofs)
        implements AtxMalfeasanceProof {
    public static final ScaleCodec<ProofInvalidPrevAtxV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("PrevATX", CoreCodecs.ATX_ID, v.prevAtx());
                w.field("Proofs", ScaleCodecs.array(InvalidPrevAtxProof.CODEC, 2), v.proofs());
            },
            r -> new ProofInvalidPrevAtxV2(r.field("NodeID", CoreCodecs.NODE_ID), r.field("PrevATX", CoreCodecs.ATX_ID),
                    r.field("Proofs", ScaleCodecs.array(InvalidPrevAtxProof.CODEC, 2))));

    public ProofInvalidPrevAtxV2 {
        proofs = List.copyOf(proofs);
        if (proofs.size() != 2) {
            throw new IllegalArgumentException("two proofs, got " + proofs.size());
        }
    }

    /**
     * The proof from two v2 ATXs (the reference's constructor); empty when they are the same, {@code nodeId}'s PoST
     * cannot be located in either (married identities need their marriage ATX, {@code marriageAtxOf}), or they
     * declare different previous ATXs for it.
     */
    public static Optional<ProofInvalidPrevAtxV2> of(ActivationTxV2 a1, ActivationTxV2 a2, NodeId nodeId,
                                                     Function<AtxId, Optional<ActivationTxV2>> marriageAtxOf,
                                                     Function<AtxId, Optional<NodeId>> smesherOf) {
        if (a1.id().equals(a2.id())) {
            return Optional.empty();
        }
        Optional<InvalidPrevAtxProof.Located> l1 = InvalidPrevAtxProofs.locate(a1, nodeId, marriageAtxOf, smesherOf);
        Optional<InvalidPrevAtxProof.Located> l2 = InvalidPrevAtxProofs.locate(a2, nodeId, marriageAtxOf, smesherOf);
        if (l1.isEmpty() || l2.isEmpty()) {
            return Optional.empty();
        }
        AtxId prev = l1.get().previous(a1);
        if (!prev.equals(l2.get().previous(a2))) {
            return Optional.empty();
        }
        return Optional.of(new ProofInvalidPrevAtxV2(nodeId, prev, List.of(
                InvalidPrevAtxProof.of(a1, prev, l1.get()), InvalidPrevAtxProof.of(a2, prev, l2.get()))));
    }

    @Override
    public ProofType type() {
        return ProofType.INVALID_PREVIOUS_V2;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public NodeId validate(MalfeasanceChecks checks) throws ProofFailure {
        ProofFailure.require(!proofs.get(0).atxId().equals(proofs.get(1).atxId()), MalfeasanceRule.SAME_ATX,
                "both proofs are of ATX " + proofs.get(0).atxId().hex());
        proofs.get(0).validate(checks, prevAtx, nodeId);
        proofs.get(1).validate(checks, prevAtx, nodeId);
        return nodeId;
    }
}
