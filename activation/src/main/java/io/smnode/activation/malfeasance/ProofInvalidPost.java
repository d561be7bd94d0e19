package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.SubPostV2;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof 0x13 (spec 11 §6.4): a signed ATX holds a PoST of {@code nodeId} with a failing label (and a verifying
 * one). When {@code nodeId} is not the signer, a {@link MarriageProof} shows they are married and which sub-post
 * is its ({@code MarriageIndex} = its certificate index). Needs no reference ATX.
 */
public record ProofInvalidPost(AtxId atxId, NodeId smesherId, Signature signature, NodeId nodeId,
                               Optional<MarriageProof> marriageProof, InvalidPostProof invalidPostProof)
        implements AtxMalfeasanceProof {
    public static final ScaleCodec<ProofInvalidPost> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("ATXID", CoreCodecs.ATX_ID, v.atxId());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", CoreCodecs.SIGNATURE, v.signature());
                w.field("NodeID", CoreCodecs.NODE_ID, v.nodeId());
                w.field("MarriageProof", ScaleCodecs.option(MarriageProof.CODEC), v.marriageProof());
                w.field("InvalidPostProof", InvalidPostProof.CODEC, v.invalidPostProof());
            },
            r -> new ProofInvalidPost(r.field("ATXID", CoreCodecs.ATX_ID), r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", CoreCodecs.SIGNATURE), r.field("NodeID", CoreCodecs.NODE_ID),
                    r.field("MarriageProof", ScaleCodecs.option(MarriageProof.CODEC)),
                    r.field("InvalidPostProof", InvalidPostProof.CODEC)));

    /**
     * The proof for {@code nodeId}'s PoST in NIPoST {@code nipostIndex} of {@code atx} (the reference's
     * constructor). Quirk kept: for the signer's own PoST the first sub-post of that NIPoST is taken, as the
     * reference does (right for a solo ATX). Empty when {@code nodeId} is not the signer and the ATX is not merged,
     * the marriage cannot be shown, or the identity has no PoST there.
     *
     * @param marriageAtx the stored v2 marriage ATX a merged {@code atx} names (needed for another identity only)
     */
    public static Optional<ProofInvalidPost> of(ActivationTxV2 atx, AtxId commitment, NodeId nodeId, int nipostIndex,
                                                long invalidIndex, long validIndex,
                                                Optional<ActivationTxV2> marriageAtx,
                                                Function<AtxId, Optional<NodeId>> smesherOf) {
        if (nipostIndex < 0 || nipostIndex >= atx.niposts().size()) {
            return Optional.empty();
        }
        int postIndex = 0;
        Optional<MarriageProof> marriage = Optional.empty();
        if (!atx.smesherId().equals(nodeId)) {
            if (atx.marriageAtx().isEmpty() || marriageAtx.isEmpty()) {
                return Optional.empty();
            }
            marriage = MarriageProof.of(atx, marriageAtx.get(), nodeId, smesherOf);
            if (marriage.isEmpty()) {
                return Optional.empty();
            }
            long certificate = marriage.get().nodeIdMarryProof().certificateIndex();
            List<SubPostV2> posts = atx.niposts().get(nipostIndex).posts();
            postIndex = -1;
            for (int i = 0; i < posts.size(); i++) {
                if (posts.get(i).marriageIndex() == certificate) {
                    postIndex = i;
                    break;
                }
            }
            if (postIndex < 0) {
                return Optional.empty();
            }
        }
        if (postIndex >= atx.niposts().get(nipostIndex).posts().size()) {
            return Optional.empty();
        }
        return Optional.of(new ProofInvalidPost(atx.id(), atx.smesherId(), atx.signature(), nodeId, marriage,
                InvalidPostProof.of(atx, commitment, nipostIndex, postIndex, invalidIndex, validIndex)));
    }

    @Override
    public ProofType type() {
        return ProofType.INVALID_POST;
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public NodeId validate(MalfeasanceChecks checks) throws ProofFailure {
        ProofFailure.require(checks.signature(Domain.ATX, smesherId, atxId.toByteArray(), signature),
                MalfeasanceRule.ATX_SIGNATURE, "ATX is not signed by " + smesherId.hex());
        ProofFailure.require(nodeId.equals(smesherId) || marriageProof.isPresent(),
                MalfeasanceRule.MISSING_MARRIAGE_PROOF, nodeId.hex() + " is not the signer and no marriage is shown");
        Optional<Long> marriageIndex = Optional.empty();
        if (marriageProof.isPresent()) {
            marriageProof.get().validate(checks, atxId, nodeId, smesherId);
            marriageIndex = Optional.of(marriageProof.get().nodeIdMarryProof().certificateIndex());
        }
        invalidPostProof.validate(checks, atxId, nodeId, marriageIndex);
        return nodeId;
    }
}
