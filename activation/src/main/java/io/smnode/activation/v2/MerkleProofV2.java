package io.smnode.activation.v2;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * One membership proof for every sub-post of a NIPoST (spec 11 §2.2): the nodes of a multi-leaf proof in the PoET
 * membership tree, in the merkle-tree library's order. The proven leaf indices are not carried: they are the
 * sub-posts' distinct {@code MembershipLeafIndex} values, ascending.
 */
public record MerkleProofV2(List<Hash32> nodes) {
    public static final int MAX_NODES = 32;

    public static final ScaleCodec<MerkleProofV2> CODEC = ScaleCodec.of(
            (w, v) -> w.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES), v.nodes()),
            r -> new MerkleProofV2(r.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES))));

    public MerkleProofV2 {
        nodes = List.copyOf(nodes);
    }

    /** Its leaf in the NIPoST tree: {@code BLAKE3(SCALE(proof))} (spec 11 §3.4). */
    public Hash32 root() {
        return Blake3.hash(Scale.encode(CODEC, this));
    }
}
