package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.AtxTree;
import io.smnode.activation.v2.NIPostV2;
import io.smnode.activation.v2.SubPostV2;
import io.smnode.activation.v2.TreeIndex;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * "In signed v2 ATX atxID, nodeID's PoST declares prevATX as its previous ATX" (spec 11 §6.5): the merkle chain to
 * the sub-post, the marriage proof when nodeID is not the signer, and the previous-ATX leaf's proof.
 *
 * @param nipostIndex      u16
 * @param subPostRootIndex u16
 */
public record InvalidPrevAtxProof(AtxId atxId, NodeId smesherId, Signature signature, Hash32 nipostsRoot,
                                  List<Hash32> nipostsRootProof, Hash32 nipostRoot, List<Hash32> nipostRootProof,
                                  int nipostIndex, Hash32 subPostsRoot, List<Hash32> subPostsRootProof,
                                  Hash32 subPostRoot, List<Hash32> subPostRootProof, int subPostRootIndex,
                                  Optional<MarriageProof> marriageProof, List<Hash32> marriageIndexProof,
                                  List<Hash32> prevAtxProof) {
    public static final ScaleCodec<InvalidPrevAtxProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("ATXID", CoreCodecs.ATX_ID, v.atxId());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", CoreCodecs.SIGNATURE, v.signature());
                w.field("NIPostsRoot", CoreCodecs.HASH32, v.nipostsRoot());
                w.field("NIPostsRootProof", ProofCodecs.NODES, v.nipostsRootProof());
                w.field("NIPostRoot", CoreCodecs.HASH32, v.nipostRoot());
                w.field("NIPostRootProof", ProofCodecs.NODES, v.nipostRootProof());
                w.field("NIPostIndex", ScaleCodecs.COMPACT_U16, v.nipostIndex());
                w.field("SubPostsRoot", CoreCodecs.HASH32, v.subPostsRoot());
                w.field("SubPostsRootProof", ProofCodecs.NODES, v.subPostsRootProof());
                w.field("SubPostRoot", CoreCodecs.HASH32, v.subPostRoot());
                w.field("SubPostRootProof", ProofCodecs.NODES, v.subPostRootProof());
                w.field("SubPostRootIndex", ScaleCodecs.COMPACT_U16, v.subPostRootIndex());
                w.field("MarriageProof", ScaleCodecs.option(MarriageProof.CODEC), v.marriageProof());
                w.field("MarriageIndexProof", ProofCodecs.NODES, v.marriageIndexProof());
                w.field("PrevATXProof", ProofCodecs.NODES, v.prevAtxProof());
            },
            r -> new InvalidPrevAtxProof(r.field("ATXID", CoreCodecs.ATX_ID), r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", CoreCodecs.SIGNATURE), r.field("NIPostsRoot", CoreCodecs.HASH32),
                    r.field("NIPostsRootProof", ProofCodecs.NODES), r.field("NIPostRoot", CoreCodecs.HASH32),
                    r.field("NIPostRootProof", ProofCodecs.NODES), r.field("NIPostIndex", ScaleCodecs.COMPACT_U16),
                    r.field("SubPostsRoot", CoreCodecs.HASH32), r.field("SubPostsRootProof", ProofCodecs.NODES),
                    r.field("SubPostRoot", CoreCodecs.HASH32), r.field("SubPostRootProof", ProofCodecs.NODES),
                    r.field("SubPostRootIndex", ScaleCodecs.COMPACT_U16),
                    r.field("MarriageProof", ScaleCodecs.option(MarriageProof.CODEC)),
                    r.field("MarriageIndexProof", ProofCodecs.NODES), r.field("PrevATXProof", ProofCodecs.NODES)));

    public InvalidPrevAtxProof {
        nipostsRootProof = List.copyOf(nipostsRootProof);
        nipostRootProof = List.copyOf(nipostRootProof);
        subPostsRootProof = List.copyOf(subPostsRootProof);
        subPostRootProof = List.copyOf(subPostRootProof);
        marriageIndexProof = List.copyOf(marriageIndexProof);
        prevAtxProof = List.copyOf(prevAtxProof);
    }

    /** Where an identity's PoST sits in a v2 ATX, and the marriage proof needed when it is not the signer's. */
    record Located(int nipostIndex, int postIndex, Optional<MarriageProof> marriage) {
        AtxId previous(ActivationTxV2 atx) {
            return atx.previousAtxs().get((int) atx.niposts().get(nipostIndex).posts().get(postIndex).prevAtxIndex());
        }
    }

    /**
     * Finds {@code nodeId}'s PoST (the reference's search): the signer's is the first sub-post of the first
     * NIPoST; another identity's is the first with its certificate index as marriage index, which needs the
     * marriage shown. Empty when it cannot be found or has no previous ATX (an initial ATX).
     */
    static Optional<Located> locate(ActivationTxV2 atx, NodeId nodeId, Optional<MarriageProof> marriage) {
        if (atx.previousAtxs().isEmpty() || atx.niposts().isEmpty()) {
            return Optional.empty();
        }
        if (atx.smesherId().equals(nodeId)) {
            return atx.niposts().get(0).posts().isEmpty() ? Optional.empty()
                    : inRange(atx, new Located(0, 0, Optional.empty()));
        }
        if (marriage.isEmpty()) {
            return Optional.empty();
        }
        long certificate = marriage.get().nodeIdMarryProof().certificateIndex();
        for (int n = 0; n < atx.niposts().size(); n++) {
            List<SubPostV2> posts = atx.niposts().get(n).posts();
            for (int p = 0; p < posts.size(); p++) {
                if (posts.get(p).marriageIndex() == certificate) {
                    return inRange(atx, new Located(n, p, marriage));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Located> inRange(ActivationTxV2 atx, Located l) {
        long index = atx.niposts().get(l.nipostIndex()).posts().get(l.postIndex()).prevAtxIndex();
        return index < atx.previousAtxs().size() ? Optional.of(l) : Optional.empty();
    }

    static InvalidPrevAtxProof of(ActivationTxV2 atx, AtxId prevAtx, Located at) {
        List<AtxId> prev = atx.previousAtxs();
        NIPostV2 nipost = atx.niposts().get(at.nipostIndex());
        SubPostV2 sub = nipost.posts().get(at.postIndex());
        return new InvalidPrevAtxProof(atx.id(), atx.smesherId(), atx.signature(), atx.nipostsRoot(),
                atx.proof(TreeIndex.Atx.NIPOSTS_ROOT), nipost.root(prev), atx.nipostProof(at.nipostIndex()),
                at.nipostIndex(), nipost.postsRoot(prev), nipost.proof(TreeIndex.NIPost.POSTS_ROOT, prev),
                sub.root(prev), nipost.postProof(at.postIndex(), prev), at.postIndex(), at.marriage(),
                sub.proof(TreeIndex.SubPost.MARRIAGE_INDEX, prev), sub.previousAtxProof(prevAtx));
    }

    void validate(MalfeasanceChecks checks, AtxId prevAtx, NodeId nodeId) throws ProofFailure {
        ProofFailure.require(checks.signature(Domain.ATX, smesherId, atxId.toByteArray(), signature),
                MalfeasanceRule.ATX_SIGNATURE, "ATX " + atxId.hex() + " is not signed by " + smesherId.hex());
        ProofFailure.require(nodeId.equals(smesherId) || marriageProof.isPresent(),
                MalfeasanceRule.MISSING_MARRIAGE_PROOF, nodeId.hex() + " is not the signer and no marriage is shown");
        SubPostChain.validate(atxId, nipostsRoot, nipostsRootProof, nipostRoot, nipostRootProof, nipostIndex,
                subPostsRoot, subPostsRootProof, subPostRoot, subPostRootProof, subPostRootIndex);
        if (marriageProof.isPresent()) {
            marriageProof.get().validate(checks, atxId, nodeId, smesherId);
            long index = marriageProof.get().nodeIdMarryProof().certificateIndex();
            ProofFailure.require(ProofCodecs.proves(subPostRoot, AtxTree.u32Leaf(index), marriageIndexProof,
                    TreeIndex.SubPost.MARRIAGE_INDEX.ordinal()), MalfeasanceRule.MARRIAGE_INDEX_PROOF,
                    "the sub-post is not at marriage index " + index);
        }
        ProofFailure.require(ProofCodecs.proves(subPostRoot, ProofCodecs.leaf(prevAtx), prevAtxProof,
                TreeIndex.SubPost.PREV_ATX.ordinal()), MalfeasanceRule.PREVIOUS_ATX_PROOF,
                "the sub-post does not declare " + prevAtx.hex());
    }
}
