package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.TreeIndex;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * "nodeID and smesherID are married, through the marriage ATX the proven ATX names" (spec 11 §6.2): the marriage
 * ATX with its proof at leaf 8 of the proven ATX, its signer, and a {@link MarryProof} for each of the two
 * identities inside it. The marriage ATX's own signature is not checked: the certificates carry the proof.
 */
public record MarriageProof(AtxId marriageAtx, List<Hash32> marriageAtxProof, NodeId marriageAtxSmesherId,
                            MarryProof nodeIdMarryProof, MarryProof smesherIdMarryProof) {
    public static final ScaleCodec<MarriageProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("MarriageATX", CoreCodecs.ATX_ID, v.marriageAtx());
                w.field("MarriageATXProof", ProofCodecs.NODES, v.marriageAtxProof());
                w.field("MarriageATXSmesherID", CoreCodecs.NODE_ID, v.marriageAtxSmesherId());
                w.field("NodeIDMarryProof", MarryProof.CODEC, v.nodeIdMarryProof());
                w.field("SmesherIDMarryProof", MarryProof.CODEC, v.smesherIdMarryProof());
            },
            r -> new MarriageProof(r.field("MarriageATX", CoreCodecs.ATX_ID),
                    r.field("MarriageATXProof", ProofCodecs.NODES), r.field("MarriageATXSmesherID", CoreCodecs.NODE_ID),
                    r.field("NodeIDMarryProof", MarryProof.CODEC), r.field("SmesherIDMarryProof", MarryProof.CODEC)));

    public MarriageProof {
        marriageAtxProof = List.copyOf(marriageAtxProof);
    }

    /**
     * The proof that {@code nodeId} is married to the signer of merged ATX {@code atx}, through {@code marriageAtx}
     * (the stored v2 ATX {@code atx} names); empty when either has no certificate there.
     */
    public static Optional<MarriageProof> of(ActivationTxV2 atx, ActivationTxV2 marriageAtx, NodeId nodeId,
                                             Function<AtxId, Optional<NodeId>> smesherOf) {
        Optional<MarryProof> node = MarryProof.of(marriageAtx, nodeId, smesherOf);
        Optional<MarryProof> smesher = MarryProof.of(marriageAtx, atx.smesherId(), smesherOf);
        if (node.isEmpty() || smesher.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MarriageProof(marriageAtx.id(), atx.proof(TreeIndex.Atx.MARRIAGE_ATX),
                marriageAtx.smesherId(), node.get(), smesher.get()));
    }

    void validate(MalfeasanceChecks checks, AtxId atxId, NodeId nodeId, NodeId smesherId) throws ProofFailure {
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId), ProofCodecs.leaf(marriageAtx),
                marriageAtxProof, TreeIndex.Atx.MARRIAGE_ATX.ordinal()), MalfeasanceRule.MARRIAGE_ATX_PROOF,
                "marriage ATX " + marriageAtx.hex() + " not in ATX " + atxId.hex());
        nodeIdMarryProof.validate(checks, marriageAtx, marriageAtxSmesherId, nodeId);
        smesherIdMarryProof.validate(checks, marriageAtx, marriageAtxSmesherId, smesherId);
    }
}
