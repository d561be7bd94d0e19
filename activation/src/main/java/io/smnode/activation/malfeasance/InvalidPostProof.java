package io.smnode.activation.malfeasance;

import io.smnode.activation.PostV1;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.AtxTree;
import io.smnode.activation.v2.NIPostV2;
import io.smnode.activation.v2.SubPostV2;
import io.smnode.activation.v2.TreeIndex;
import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * The PoST of one sub-post with the merkle chain to the ATX id, the commitment ATX it was initialized with, a
 * label position that fails and one that verifies (spec 11 §6.4, post-#6444 form: the valid label shows the
 * commitment is the identity's, so no reference ATX is needed).
 *
 * @param nipostIndex      u16
 * @param subPostRootIndex u16
 * @param numUnits         u32
 * @param invalidPostIndex u32
 * @param validPostIndex   u32
 */
public record InvalidPostProof(Hash32 nipostsRoot, List<Hash32> nipostsRootProof, Hash32 nipostRoot,
                               List<Hash32> nipostRootProof, int nipostIndex, Hash32 challenge,
                               List<Hash32> challengeProof, Hash32 subPostsRoot, List<Hash32> subPostsRootProof,
                               Hash32 subPostRoot, List<Hash32> subPostRootProof, int subPostRootIndex,
                               List<Hash32> marriageIndexProof, PostV1 post, List<Hash32> postProof, long numUnits,
                               List<Hash32> numUnitsProof, AtxId commitmentAtx, long invalidPostIndex,
                               long validPostIndex) {
    public static final ScaleCodec<InvalidPostProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("NIPostsRoot", CoreCodecs.HASH32, v.nipostsRoot());
                w.field("NIPostsRootProof", ProofCodecs.NODES, v.nipostsRootProof());
                w.field("NIPostRoot", CoreCodecs.HASH32, v.nipostRoot());
                w.field("NIPostRootProof", ProofCodecs.NODES, v.nipostRootProof());
                w.field("NIPostIndex", ScaleCodecs.COMPACT_U16, v.nipostIndex());
                w.field("Challenge", CoreCodecs.HASH32, v.challenge());
                w.field("ChallengeProof", ProofCodecs.NODES, v.challengeProof());
                w.field("SubPostsRoot", CoreCodecs.HASH32, v.subPostsRoot());
                w.field("SubPostsRootProof", ProofCodecs.NODES, v.subPostsRootProof());
                w.field("SubPostRoot", CoreCodecs.HASH32, v.subPostRoot());
                w.field("SubPostRootProof", ProofCodecs.NODES, v.subPostRootProof());
                w.field("SubPostRootIndex", ScaleCodecs.COMPACT_U16, v.subPostRootIndex());
                w.field("MarriageIndexProof", ProofCodecs.NODES, v.marriageIndexProof());
                w.field("Post", PostV1.CODEC, v.post());
                w.field("PostProof", ProofCodecs.NODES, v.postProof());
                w.field("NumUnits", ScaleCodecs.COMPACT_U32, v.numUnits());
                w.field("NumUnitsProof", ProofCodecs.NODES, v.numUnitsProof());
                w.field("CommitmentATX", CoreCodecs.ATX_ID, v.commitmentAtx());
                w.field("InvalidPostIndex", ScaleCodecs.COMPACT_U32, v.invalidPostIndex());
                w.field("ValidPostIndex", ScaleCodecs.COMPACT_U32, v.validPostIndex());
            },
            r -> new InvalidPostProof(r.field("NIPostsRoot", CoreCodecs.HASH32),
                    r.field("NIPostsRootProof", ProofCodecs.NODES), r.field("NIPostRoot", CoreCodecs.HASH32),
                    r.field("NIPostRootProof", ProofCodecs.NODES), r.field("NIPostIndex", ScaleCodecs.COMPACT_U16),
                    r.field("Challenge", CoreCodecs.HASH32), r.field("ChallengeProof", ProofCodecs.NODES),
                    r.field("SubPostsRoot", CoreCodecs.HASH32), r.field("SubPostsRootProof", ProofCodecs.NODES),
                    r.field("SubPostRoot", CoreCodecs.HASH32), r.field("SubPostRootProof", ProofCodecs.NODES),
                    r.field("SubPostRootIndex", ScaleCodecs.COMPACT_U16),
                    r.field("MarriageIndexProof", ProofCodecs.NODES), r.field("Post", PostV1.CODEC),
                    r.field("PostProof", ProofCodecs.NODES), r.field("NumUnits", ScaleCodecs.COMPACT_U32),
                    r.field("NumUnitsProof", ProofCodecs.NODES), r.field("CommitmentATX", CoreCodecs.ATX_ID),
                    r.field("InvalidPostIndex", ScaleCodecs.COMPACT_U32),
                    r.field("ValidPostIndex", ScaleCodecs.COMPACT_U32)));

    public InvalidPostProof {
        nipostsRootProof = List.copyOf(nipostsRootProof);
        nipostRootProof = List.copyOf(nipostRootProof);
        challengeProof = List.copyOf(challengeProof);
        subPostsRootProof = List.copyOf(subPostsRootProof);
        subPostRootProof = List.copyOf(subPostRootProof);
        marriageIndexProof = List.copyOf(marriageIndexProof);
        postProof = List.copyOf(postProof);
        numUnitsProof = List.copyOf(numUnitsProof);
    }

    /** The proof for sub-post {@code postIndex} of NIPoST {@code nipostIndex} of {@code atx}. */
    static InvalidPostProof of(ActivationTxV2 atx, AtxId commitment, int nipostIndex, int postIndex,
                               long invalidIndex, long validIndex) {
        List<AtxId> prev = atx.previousAtxs();
        NIPostV2 nipost = atx.niposts().get(nipostIndex);
        SubPostV2 sub = nipost.posts().get(postIndex);
        return new InvalidPostProof(atx.nipostsRoot(), atx.proof(TreeIndex.Atx.NIPOSTS_ROOT), nipost.root(prev),
                atx.nipostProof(nipostIndex), nipostIndex, nipost.challenge(),
                nipost.proof(TreeIndex.NIPost.CHALLENGE, prev), nipost.postsRoot(prev),
                nipost.proof(TreeIndex.NIPost.POSTS_ROOT, prev), sub.root(prev), nipost.postProof(postIndex, prev),
                postIndex, sub.proof(TreeIndex.SubPost.MARRIAGE_INDEX, prev), sub.post(),
                sub.proof(TreeIndex.SubPost.POST, prev), sub.numUnits(), sub.proof(TreeIndex.SubPost.NUM_UNITS, prev),
                commitment, invalidIndex, validIndex);
    }

    void validate(MalfeasanceChecks checks, AtxId atxId, NodeId nodeId, Optional<Long> marriageIndex)
            throws ProofFailure {
        SubPostChain.validate(atxId, nipostsRoot, nipostsRootProof, nipostRoot, nipostRootProof, nipostIndex,
                subPostsRoot, subPostsRootProof, subPostRoot, subPostRootProof, subPostRootIndex);
        ProofFailure.require(ProofCodecs.proves(nipostRoot, challenge, challengeProof,
                TreeIndex.NIPost.CHALLENGE.ordinal()), MalfeasanceRule.CHALLENGE_PROOF, "challenge not in the NIPoST");
        if (marriageIndex.isPresent()) {
            ProofFailure.require(ProofCodecs.proves(subPostRoot, AtxTree.u32Leaf(marriageIndex.get()),
                    marriageIndexProof, TreeIndex.SubPost.MARRIAGE_INDEX.ordinal()),
                    MalfeasanceRule.MARRIAGE_INDEX_PROOF, "the sub-post is not at marriage index " + marriageIndex.get());
        }
        ProofFailure.require(ProofCodecs.proves(subPostRoot, VerifyChoices.postRoot(post), postProof,
                TreeIndex.SubPost.POST.ordinal()), MalfeasanceRule.POST_PROOF, "PoST not in the sub-post");
        ProofFailure.require(ProofCodecs.proves(subPostRoot, AtxTree.u32Leaf(numUnits), numUnitsProof,
                TreeIndex.SubPost.NUM_UNITS.ordinal()), MalfeasanceRule.NUM_UNITS_PROOF, "units not in the sub-post");
        ProofFailure.require(checks.postLabelValid(nodeId, commitmentAtx, post, challenge, numUnits, validPostIndex),
                MalfeasanceRule.COMMITMENT_NOT_SHOWN, "label " + validPostIndex + " does not verify");
        ProofFailure.require(!checks.postLabelValid(nodeId, commitmentAtx, post, challenge, numUnits,
                invalidPostIndex), MalfeasanceRule.POST_VALID, "label " + invalidPostIndex + " verifies");
    }
}
