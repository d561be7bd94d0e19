package io.smnode.activation.v2;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;

/**
 * The PoSTs of up to 256 identities over one PoET round (spec 11 §2.2): one membership proof for all of their
 * challenges, the round's proof reference (which is every PoST's challenge, and how the proof is fetched), and the
 * sub-posts.
 */
public record NIPostV2(MerkleProofV2 membership, Hash32 challenge, List<SubPostV2> posts) {
    public static final int MAX_POSTS = AtxTree.LIST_CAPACITY;

    public static final ScaleCodec<NIPostV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Membership", MerkleProofV2.CODEC, v.membership());
                w.field("Challenge", CoreCodecs.HASH32, v.challenge());
                w.field("Posts", ScaleCodecs.structSlice(SubPostV2.CODEC, MAX_POSTS), v.posts());
            },
            r -> new NIPostV2(r.field("Membership", MerkleProofV2.CODEC), r.field("Challenge", CoreCodecs.HASH32),
                    r.field("Posts", ScaleCodecs.structSlice(SubPostV2.CODEC, MAX_POSTS))));

    public NIPostV2 {
        posts = List.copyOf(posts);
    }

    /** The three leaves: membership root, challenge, sub-posts root. */
    public List<Hash32> leaves(List<AtxId> previousAtxs) {
        return List.of(membership.root(), challenge, postsRoot(previousAtxs));
    }

    /** Its leaf in the NIPoSTs tree: {@code H(H(membership, challenge), H(postsRoot, 0))}. */
    public Hash32 root(List<AtxId> previousAtxs) {
        return AtxTree.root(leaves(previousAtxs));
    }

    public List<Hash32> proof(TreeIndex.NIPost field, List<AtxId> previousAtxs) {
        return AtxTree.proof(leaves(previousAtxs), field.ordinal());
    }

    /** The sub-posts' roots padded to 256. */
    public Hash32 postsRoot(List<AtxId> previousAtxs) {
        return AtxTree.paddedRoot(postRoots(previousAtxs), MAX_POSTS);
    }

    /** The proof of sub-post {@code index}'s root in the sub-posts tree. */
    public List<Hash32> postProof(int index, List<AtxId> previousAtxs) {
        return AtxTree.paddedProof(postRoots(previousAtxs), MAX_POSTS, index);
    }

    private List<Hash32> postRoots(List<AtxId> previousAtxs) {
        List<Hash32> roots = new ArrayList<>(posts.size());
        for (SubPostV2 p : posts) {
            roots.add(p.root(previousAtxs));
        }
        return roots;
    }
}
