package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.TreeIndex;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * The merkle chain from an ATX id down to one sub-post's root, which the invalid-PoST and invalid-previous proofs
 * both carry (in different field orders): NIPoSTs root at leaf 5, a NIPoST root at its index, the sub-posts root
 * at leaf 2 of that NIPoST, the sub-post root at its index.
 */
final class SubPostChain {
    private SubPostChain() {}

    static void validate(AtxId atxId, Hash32 nipostsRoot, List<Hash32> nipostsRootProof, Hash32 nipostRoot,
                         List<Hash32> nipostRootProof, int nipostIndex, Hash32 subPostsRoot,
                         List<Hash32> subPostsRootProof, Hash32 subPostRoot, List<Hash32> subPostRootProof,
                         int subPostIndex) throws ProofFailure {
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId), nipostsRoot, nipostsRootProof,
                TreeIndex.Atx.NIPOSTS_ROOT.ordinal()), MalfeasanceRule.NIPOSTS_ROOT_PROOF,
                "NIPoSTs root not in ATX " + atxId.hex());
        ProofFailure.require(ProofCodecs.proves(nipostsRoot, nipostRoot, nipostRootProof, nipostIndex),
                MalfeasanceRule.NIPOST_ROOT_PROOF, "NIPoST " + nipostIndex + " not in the NIPoSTs");
        ProofFailure.require(ProofCodecs.proves(nipostRoot, subPostsRoot, subPostsRootProof,
                TreeIndex.NIPost.POSTS_ROOT.ordinal()), MalfeasanceRule.SUB_POSTS_ROOT_PROOF,
                "sub-posts root not in NIPoST " + nipostIndex);
        ProofFailure.require(ProofCodecs.proves(subPostsRoot, subPostRoot, subPostRootProof, subPostIndex),
                MalfeasanceRule.SUB_POST_ROOT_PROOF, "sub-post " + subPostIndex + " not in the sub-posts");
    }
}
