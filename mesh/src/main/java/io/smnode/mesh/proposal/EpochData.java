package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Hash32;

/** What a smesher fixes for a whole epoch in its reference ballot: the active set, the beacon and its slot count. */
public record EpochData(Hash32 activeSetHash, Beacon beacon, long eligibilityCount) {
    public static final ScaleCodec<EpochData> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("ActiveSetHash", CoreCodecs.HASH32, v.activeSetHash());
                w.field("Beacon", ScaleCodecs.fixed(Beacon.LENGTH, Beacon::of), v.beacon());
                w.field("EligibilityCount", ScaleCodecs.COMPACT_U32, v.eligibilityCount());
            },
            r -> new EpochData(
                    r.field("ActiveSetHash", CoreCodecs.HASH32),
                    r.field("Beacon", ScaleCodecs.fixed(Beacon.LENGTH, Beacon::of)),
                    r.field("EligibilityCount", ScaleCodecs.COMPACT_U32)));
}
