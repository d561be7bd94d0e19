package io.smnode.activation;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * What a NIPoST's PoST was proven for: the challenge, which is the 32-byte reference of the PoET proof, and the
 * prover's labels per unit. The wire allows a challenge of up to 32 bytes; only exactly 32 can name a PoET proof.
 *
 * @param labelsPerUnit the bits of an unsigned 64-bit value
 */
public record PostMetadataV1(Bytes challenge, long labelsPerUnit) {
    public static final int MAX_CHALLENGE = 32;

    public static final ScaleCodec<PostMetadataV1> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Challenge", ScaleCodecs.bytes(MAX_CHALLENGE), v.challenge());
                w.field("LabelsPerUnit", ScaleCodecs.COMPACT_U64, v.labelsPerUnit());
            },
            r -> new PostMetadataV1(
                    r.field("Challenge", ScaleCodecs.bytes(MAX_CHALLENGE)),
                    r.field("LabelsPerUnit", ScaleCodecs.COMPACT_U64)));

    public static PostMetadataV1 of(Hash32 poetRef, long labelsPerUnit) {
        return new PostMetadataV1(Bytes.of(poetRef.toByteArray()), labelsPerUnit);
    }

    /** The PoET proof reference, when the challenge has the 32 bytes of one. */
    public Optional<Hash32> poetRef() {
        return challenge.length() == Hash32.LENGTH ? Optional.of(Hash32.of(challenge.toByteArray())) : Optional.empty();
    }
}
