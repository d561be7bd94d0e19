package io.smnode.poet;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;

/**
 * go-spacemesh's {@code PoetProof} (spec 09 §5): the Merkle proof and the number of leaves the PoET computed
 * ({@code LeafCount}, an unsigned 64-bit count carried in a long's bits, compact on the wire).
 */
public record PoetProof(MerkleProof merkleProof, long leafCount) {
    public static final ScaleCodec<PoetProof> CODEC = ScaleCodec.of(
            (w, p) -> {
                // The embedded struct is written inline: its fields come first, no nesting level.
                MerkleProof.CODEC.encode(w, p.merkleProof());
                w.field("LeafCount", ScaleCodecs.COMPACT_U64, p.leafCount());
            },
            r -> new PoetProof(MerkleProof.CODEC.decode(r), r.field("LeafCount", ScaleCodecs.COMPACT_U64)));

    /** The proof reference {@code BLAKE3(SCALE(PoetProof))}: the PoST challenge and the ATX's PostMetadata.Challenge. */
    public Hash32 ref() {
        return Blake3.hash(Scale.encode(CODEC, this));
    }

    /** The proof's weight in ticks, {@code LeafCount / TickSize} unsigned (spec 09 §6.1; mainnet 9 331 200). */
    public long ticks(long tickSize) {
        return Long.divideUnsigned(leafCount, tickSize);
    }
}
