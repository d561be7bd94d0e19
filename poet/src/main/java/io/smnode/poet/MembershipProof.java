package io.smnode.poet;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * A single-member proof of the membership tree as carried in ATXs (go-spacemesh {@code types.MerkleProof}):
 * the sibling nodes bottom-up (at most 32) and the member's index (u64 in a long's bits).
 */
public record MembershipProof(List<Hash32> nodes, long leafIndex) {
    public static final int MAX_NODES = 32;

    public static final ScaleCodec<MembershipProof> CODEC = ScaleCodec.of(
            (w, p) -> {
                w.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES), p.nodes());
                w.field("LeafIndex", ScaleCodecs.COMPACT_U64, p.leafIndex());
            },
            r -> new MembershipProof(r.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, MAX_NODES)),
                    r.field("LeafIndex", ScaleCodecs.COMPACT_U64)));

    public MembershipProof {
        nodes = List.copyOf(nodes);
    }
}
