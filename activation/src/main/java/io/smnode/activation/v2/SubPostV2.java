package io.smnode.activation.v2;

import io.smnode.activation.PostV1;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * One identity's PoST inside a NIPoST (spec 11 §2.2).
 *
 * @param marriageIndex       the identity's position in the signer's equivocation set (0 in a solo ATX), u32
 * @param prevAtxIndex        its previous ATX's position in {@code PreviousATXs} (unused in an initial ATX), u32
 * @param membershipLeafIndex its challenge's leaf in the PoET membership tree, the bits of a u64
 * @param numUnits            the units it declares, u32
 */
public record SubPostV2(long marriageIndex, long prevAtxIndex, long membershipLeafIndex, PostV1 post, long numUnits) {
    public static final ScaleCodec<SubPostV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("MarriageIndex", ScaleCodecs.COMPACT_U32, v.marriageIndex());
                w.field("PrevATXIndex", ScaleCodecs.COMPACT_U32, v.prevAtxIndex());
                w.field("MembershipLeafIndex", ScaleCodecs.COMPACT_U64, v.membershipLeafIndex());
                w.field("Post", PostV1.CODEC, v.post());
                w.field("NumUnits", ScaleCodecs.COMPACT_U32, v.numUnits());
            },
            r -> new SubPostV2(r.field("MarriageIndex", ScaleCodecs.COMPACT_U32),
                    r.field("PrevATXIndex", ScaleCodecs.COMPACT_U32),
                    r.field("MembershipLeafIndex", ScaleCodecs.COMPACT_U64),
                    r.field("Post", PostV1.CODEC),
                    r.field("NumUnits", ScaleCodecs.COMPACT_U32)));

    public SubPostV2 {
        U32.check("marriage index", marriageIndex);
        U32.check("previous ATX index", prevAtxIndex);
        U32.check("units", numUnits);
    }

    /**
     * The previous ATX leaf as the id sees it: {@code previousAtxs[prevAtxIndex]}, or zero when the list is empty
     * (initial ATX) or the index is out of range (the id still computes; validation rejects the ATX).
     */
    public AtxId previousAtx(List<AtxId> previousAtxs) {
        return prevAtxIndex < previousAtxs.size() ? previousAtxs.get((int) prevAtxIndex) : AtxId.ZERO;
    }

    /** The five leaves, with the previous ATX as given. */
    public List<Hash32> leaves(AtxId previousAtx) {
        return List.of(AtxTree.u32Leaf(marriageIndex), Hash32.of(previousAtx.toByteArray()),
                AtxTree.u64Leaf(membershipLeafIndex), VerifyChoices.postRoot(post), AtxTree.u32Leaf(numUnits));
    }

    /** Its leaf in the sub-posts tree. */
    public Hash32 root(List<AtxId> previousAtxs) {
        return AtxTree.root(leaves(previousAtx(previousAtxs)));
    }

    /** The proof of {@code field} within this sub-post's tree. */
    public List<Hash32> proof(TreeIndex.SubPost field, List<AtxId> previousAtxs) {
        return AtxTree.proof(leaves(previousAtx(previousAtxs)), field.ordinal());
    }

    /** The proof of the previous ATX leaf, for a tree built over {@code previousAtx} (as malfeasance proofs make it). */
    public List<Hash32> previousAtxProof(AtxId previousAtx) {
        return AtxTree.proof(leaves(previousAtx), TreeIndex.SubPost.PREV_ATX.ordinal());
    }
}
