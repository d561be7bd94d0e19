package io.smnode.activation;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;
import io.smnode.post.prove.Proof;

/**
 * A PoST proof as it travels inside an ATX (go-spacemesh {@code wire.PostV1}): nonce u32, compressed indices
 * (at most 800 bytes), pow u64, both compact on the wire: the same bytes as post-gpu's {@link Proof#SCALE}.
 *
 * @param nonce an unsigned 32-bit nonce
 * @param pow   the k2pow, the bits of an unsigned 64-bit value
 */
public record PostV1(long nonce, Bytes indices, long pow) {
    public static final ScaleCodec<PostV1> CODEC = ScaleCodecs.map(Proof.SCALE, PostV1::of, PostV1::toProof);

    public PostV1 {
        if (nonce < 0 || nonce > 0xffff_ffffL) {
            throw new IllegalArgumentException("nonce is a u32, got " + nonce);
        }
        if (indices == null) {
            throw new IllegalArgumentException("indices must not be null");
        }
    }

    public static PostV1 of(Proof proof) {
        return new PostV1(proof.nonce(), proof.indices(), proof.pow());
    }

    /** The same proof in post-gpu's terms, for its verifier. */
    public Proof toProof() {
        return new Proof(nonce, indices, pow);
    }
}
