package io.smnode.hare;

import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.Objects;

/** The signed part of a hare message (its hash is what the signature covers, via {@link HareMetadata}). */
public record Body(LayerId layer, IterRound iterRound, Value value, Eligibility eligibility) {
    public Body {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(iterRound, "iterRound");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(eligibility, "eligibility");
    }

    /** BLAKE3(SCALE(body)): the message hash that equivocation compares and the signature covers. */
    public Hash32 hash() {
        return Blake3.hash(Scale.encode(HareCodecs.BODY, this));
    }

    /** The metadata the sender signs: layer, absolute round and {@link #hash()}. */
    public HareMetadata metadata() {
        return new HareMetadata(layer, iterRound.absolute(), hash());
    }
}
