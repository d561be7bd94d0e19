package io.smnode.activation;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * The path from an ATX's challenge hash (the leaf at {@code leafIndex}) to the root of a PoET round's membership
 * tree: the sibling nodes bottom-up, at most 32 (a tree of up to 2^32 members).
 *
 * @param leafIndex the bits of an unsigned 64-bit index
 */
public record MerkleProofV1(List<Hash32> nodes, long leafIndex) {
    public static final int MAX_NODES = 32;

    public static final ScaleCodec<MerkleProofV1> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES), v.nodes());
                w.field("LeafIndex", ScaleCodecs.COMPACT_U64, v.leafIndex());
            },
            r -> new MerkleProofV1(
                    r.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES)),
                    r.field("LeafIndex", ScaleCodecs.COMPACT_U64)));

    public MerkleProofV1 {
        nodes = List.copyOf(nodes);
    }
}
