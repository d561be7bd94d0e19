package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.AtxTree;
import io.smnode.activation.v2.TreeIndex;
import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof 0x12 (spec 11 §6.3): two different ATXs of one publish epoch under the same marriage ATX, signed by two
 * identities that both married in it (so no stranger can get a set banned by naming its marriage ATX). Proves the
 * first signer malicious. The reference's constructor refuses equal signers; its check does not.
 */
public record ProofDoubleMerge(EpochId publishEpoch, AtxId marriageAtx, NodeId marriageAtxSmesherId,
                               AtxId atxId1, NodeId smesherId1, Signature signature1, List<Hash32> publishEpochProof1,
                               List<Hash32> marriageAtxProof1, MarryProof smesherId1MarryProof,
                               AtxId atxId2, NodeId smesherId2, Signature signature2, List<Hash32> publishEpochProof2,
                               List<Hash32> marriageAtxProof2, MarryProof smesherId2MarryProof)
        implements AtxMalfeasanceProof {
    public static final ScaleCodec<ProofDoubleMerge> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
                w.field("MarriageATX", CoreCodecs.ATX_ID, v.marriageAtx());
                w.field("MarriageATXSmesherID", CoreCodecs.NODE_ID, v.marriageAtxSmesherId());
                w.field("ATXID1", CoreCodecs.ATX_ID, v.atxId1());
                w.field("SmesherID1", CoreCodecs.NODE_ID, v.smesherId1());
                w.field("Signature1", CoreCodecs.SIGNATURE, v.signature1());
                w.field("PublishEpochProof1", ProofCodecs.NODES, v.publishEpochProof1());
                w.field("MarriageATXProof1", ProofCodecs.NODES, v.marriageAtxProof1());
                w.field("SmesherID1MarryProof", MarryProof.CODEC, v.smesherId1MarryProof());
                w.field("ATXID2", CoreCodecs.ATX_ID, v.atxId2());
                w.field("SmesherID2", CoreCodecs.NODE_ID, v.smesherId2());
                w.field("Signature2", CoreCodecs.SIGNATURE, v.signature2());
                w.field("PublishEpochProof2", ProofCodecs.NODES, v.publishEpochProof2());
                w.field("MarriageATXProof2", ProofCodecs.NODES, v.marriageAtxProof2());
                w.field("SmesherID2MarryProof", MarryProof.CODEC, v.smesherId2MarryProof());
            },
            r -> new ProofDoubleMerge(r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                    r.field("MarriageATX", CoreCodecs.ATX_ID), r.field("MarriageATXSmesherID", CoreCodecs.NODE_ID),
                    r.field("ATXID1", CoreCodecs.ATX_ID), r.field("SmesherID1", CoreCodecs.NODE_ID),
                    r.field("Signature1", CoreCodecs.SIGNATURE), r.field("PublishEpochProof1", ProofCodecs.NODES),
                    r.field("MarriageATXProof1", ProofCodecs.NODES), r.field("SmesherID1MarryProof", MarryProof.CODEC),
                    r.field("ATXID2", CoreCodecs.ATX_ID), r.field("SmesherID2", CoreCodecs.NODE_ID),
                    r.field("Signature2", CoreCodecs.SIGNATURE), r.field("PublishEpochProof2", ProofCodecs.NODES),
                    r.field("MarriageATXProof2", ProofCodecs.NODES),
                    r.field("SmesherID2MarryProof", MarryProof.CODEC)));

    public ProofDoubleMerge {
        publishEpochProof1 = List.copyOf(publishEpochProof1);
        marriageAtxProof1 = List.copyOf(marriageAtxProof1);
        publishEpochProof2 = List.copyOf(publishEpochProof2);
        marriageAtxProof2 = List.copyOf(marriageAtxProof2);
    }

    /**
     * The proof for two merged ATXs of one epoch under {@code marriageAtx} (the reference's constructor): empty
     * when they are the same ATX, have the same signer, differ in epoch or marriage ATX, or a signer has no
     * certificate in the marriage ATX.
     */
    public static Optional<ProofDoubleMerge> of(ActivationTxV2 a1, ActivationTxV2 a2, ActivationTxV2 marriageAtx,
                                                Function<AtxId, Optional<NodeId>> smesherOf) {
        if (a1.id().equals(a2.id()) || a1.smesherId().equals(a2.smesherId())
                || !a1.publishEpoch().equals(a2.publishEpoch()) || a1.marriageAtx().isEmpty()
                || !a1.marriageAtx().equals(a2.marriageAtx())
                || !a1.marriageAtx().get().equals(marriageAtx.id())) {
            return Optional.empty();
        }
        Optional<MarryProof> m1 = MarryProof.of(marriageAtx, a1.smesherId(), smesherOf);
        Optional<MarryProof> m2 = MarryProof.of(marriageAtx, a2.smesherId(), smesherOf);
        if (m1.isEmpty() || m2.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProofDoubleMerge(a1.publishEpoch(), marriageAtx.id(), marriageAtx.smesherId(),
                a1.id(), a1.smesherId(), a1.signature(), a1.proof(TreeIndex.Atx.PUBLISH_EPOCH),
                a1.proof(TreeIndex.Atx.MARRIAGE_ATX), m1.get(),
                a2.id(), a2.smesherId(), a2.signature(), a2.proof(TreeIndex.Atx.PUBLISH_EPOCH),
                a2.proof(TreeIndex.Atx.MARRIAGE_ATX), m2.get()));
    }

    @Override
    public ProofType type() {
        return ProofType.DOUBLE_MERGE;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public NodeId validate(MalfeasanceChecks checks) throws ProofFailure {
        ProofFailure.require(!atxId1.equals(atxId2), MalfeasanceRule.SAME_ATX, "both are ATX " + atxId1.hex());
        ProofFailure.require(checks.signature(Domain.ATX, smesherId1, atxId1.toByteArray(), signature1),
                MalfeasanceRule.ATX_SIGNATURE, "ATX 1 is not signed by " + smesherId1.hex());
        ProofFailure.require(checks.signature(Domain.ATX, smesherId2, atxId2.toByteArray(), signature2),
                MalfeasanceRule.ATX_SIGNATURE, "ATX 2 is not signed by " + smesherId2.hex());
        Hash32 epoch = AtxTree.u32Leaf(publishEpoch.value());
        int epochLeaf = TreeIndex.Atx.PUBLISH_EPOCH.ordinal();
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId1), epoch, publishEpochProof1, epochLeaf),
                MalfeasanceRule.PUBLISH_EPOCH_PROOF, "ATX 1 is not of epoch " + publishEpoch);
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId2), epoch, publishEpochProof2, epochLeaf),
                MalfeasanceRule.PUBLISH_EPOCH_PROOF, "ATX 2 is not of epoch " + publishEpoch);
        int marriageLeaf = TreeIndex.Atx.MARRIAGE_ATX.ordinal();
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId1), ProofCodecs.leaf(marriageAtx),
                marriageAtxProof1, marriageLeaf), MalfeasanceRule.MARRIAGE_ATX_PROOF, "ATX 1 is not under "
                + marriageAtx.hex());
        smesherId1MarryProof.validate(checks, marriageAtx, marriageAtxSmesherId, smesherId1);
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId2), ProofCodecs.leaf(marriageAtx),
                marriageAtxProof2, marriageLeaf), MalfeasanceRule.MARRIAGE_ATX_PROOF, "ATX 2 is not under "
                + marriageAtx.hex());
        smesherId2MarryProof.validate(checks, marriageAtx, marriageAtxSmesherId, smesherId2);
        if (VerifyChoices.DOUBLE_MERGE_CHECKS_EARLIER_ATXS) {
            ProofFailure.require(checks.identityExists(smesherId1) && checks.identityExists(smesherId2),
                    MalfeasanceRule.UNKNOWN_IDENTITY, "a signer has published no ATX before");
        }
        return smesherId1;
    }
}
