package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;

/**
 * What ballots and proposals are signed over (and what a proposal id hashes): the layer and the BLAKE3 of the inner
 * SCALE bytes. Signing a hash lets a verifier check the signature before decoding the votes.
 */
public record BallotMetadata(LayerId layer, Hash32 msgHash) {
    public static final ScaleCodec<BallotMetadata> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, v.layer());
                w.field("MsgHash", CoreCodecs.HASH32, v.msgHash());
            },
            r -> new BallotMetadata(r.field("Layer", CoreCodecs.LAYER_ID), r.field("MsgHash", CoreCodecs.HASH32)));

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
