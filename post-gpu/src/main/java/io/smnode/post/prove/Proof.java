package io.smnode.post.prove;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;

/**
 * A PoST proof (spec 08 §2.6; go-spacemesh {@code PostV1}): the winning nonce, its K2 compressed label indices and
 * the k2pow of the nonce's group. SCALE (as inside ATXs): {@code nonce compact u32 || indices compact-length bytes
 * (max 800) || pow compact u64} — go-scale writes every named integer compact.
 *
 * @param nonce an unsigned 32-bit nonce
 * @param indices the compressed indices ({@link IndexCompression})
 * @param pow the k2pow, an unsigned 64-bit value
 */
public record Proof(long nonce, Bytes indices, long pow) {
    /** go-spacemesh's {@code scale:"max=800"} on {@code PostV1.Indices}. */
    public static final int MAX_INDICES_BYTES = 800;

    public static final ScaleCodec<Proof> SCALE = ScaleCodec.of(
            (w, p) -> {
                w.field("Nonce", ScaleCodecs.COMPACT_U32, p.nonce());
                w.field("Indices", ScaleCodecs.bytes(MAX_INDICES_BYTES), p.indices());
                w.field("Pow", ScaleCodecs.COMPACT_U64, p.pow());
            },
            r -> new Proof(r.field("Nonce", ScaleCodecs.COMPACT_U32), r.field("Indices", ScaleCodecs.bytes(MAX_INDICES_BYTES)),
                    r.field("Pow", ScaleCodecs.COMPACT_U64)));

    public Proof {
        if (nonce < 0 || nonce > 0xffff_ffffL) {
            throw new IllegalArgumentException("nonce is a u32, got " + nonce);
        }
        if (indices == null) {
            throw new IllegalArgumentException("indices must not be null");
        }
    }
}
