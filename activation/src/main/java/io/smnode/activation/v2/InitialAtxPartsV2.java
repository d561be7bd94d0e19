package io.smnode.activation.v2;

import io.smnode.activation.PostV1;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import java.util.List;

/** What only an identity's first ATX carries: its commitment ATX and its initial PoST over the zero challenge. */
public record InitialAtxPartsV2(AtxId commitmentAtx, PostV1 post) {
    public static final ScaleCodec<InitialAtxPartsV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("CommitmentATX", CoreCodecs.ATX_ID, v.commitmentAtx());
                w.field("Post", PostV1.CODEC, v.post());
            },
            r -> new InitialAtxPartsV2(r.field("CommitmentATX", CoreCodecs.ATX_ID), r.field("Post", PostV1.CODEC)));

    /** The two leaves: commitment ATX, post root. */
    public List<Hash32> leaves() {
        return List.of(Hash32.of(commitmentAtx.toByteArray()), VerifyChoices.postRoot(post));
    }

    /** Leaf 3 of the ATX tree. */
    public Hash32 root() {
        return AtxTree.root(leaves());
    }

    public List<Hash32> proof(TreeIndex.Initial field) {
        return AtxTree.proof(leaves(), field.ordinal());
    }
}
