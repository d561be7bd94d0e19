package io.smnode.hare;

import io.smnode.core.codec.Scale;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.Objects;

/**
 * What a hare signature covers (the reference's {@code wire.HareMetadata}): layer, absolute round (uint32) and
 * the body hash. Equivocation proofs carry it instead of the whole message.
 */
public record HareMetadata(LayerId layer, long round, Hash32 msgHash) {
    public HareMetadata {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(msgHash, "msgHash");
        if (round < 0 || round > 0xffff_ffffL) {
            throw new IllegalArgumentException("round " + round + " outside uint32");
        }
    }

    /** SCALE(metadata): the bytes signed under {@code Domain.HARE}. */
    public byte[] signedBytes() {
        return Scale.encode(HareCodecs.METADATA, this);
    }
}
