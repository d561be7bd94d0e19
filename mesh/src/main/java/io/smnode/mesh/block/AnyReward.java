package io.smnode.mesh.block;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.vm.rewards.Weight;
import java.util.Objects;

/**
 * A block's reward entry (the reference's {@code AnyReward}): an ATX and its eligibility weight as a fraction of two
 * uint64 ({@code RatNum}). The parts are kept raw so that hostile bytes with a zero part still decode; the block
 * checks ({@link BlockChecks}) refuse them before {@link #weight()} is called.
 */
public record AnyReward(AtxId atxId, long num, long denom) {
    public AnyReward {
        Objects.requireNonNull(atxId, "atxId");
    }

    public static final ScaleCodec<AnyReward> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("AtxID", CoreCodecs.ATX_ID, v.atxId());
                w.field("Num", ScaleCodecs.COMPACT_U64, v.num());
                w.field("Denom", ScaleCodecs.COMPACT_U64, v.denom());
            },
            r -> new AnyReward(r.field("AtxID", CoreCodecs.ATX_ID), r.field("Num", ScaleCodecs.COMPACT_U64),
                    r.field("Denom", ScaleCodecs.COMPACT_U64)));

    /** The weight as the VM takes it. @throws IllegalArgumentException when a part is zero (checked blocks have none) */
    public Weight weight() {
        return new Weight(num, denom);
    }
}
