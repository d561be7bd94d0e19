package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.LayerId;
import java.util.List;

/**
 * A ballot's opinion as a difference from its base ballot: blocks it supports or opposes unlike the base, and layers
 * it abstains on (spec 03 §2, 05 §6). Each list is bounded by the reference's 10 000-layer vote window.
 */
public record Votes(BallotId base, List<Vote> support, List<Vote> against, List<LayerId> abstain) {
    public static final int MAX_VOTES = 10_000;

    public Votes {
        support = List.copyOf(support);
        against = List.copyOf(against);
        abstain = List.copyOf(abstain);
    }

    public static final ScaleCodec<Votes> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Base", CoreCodecs.BALLOT_ID, v.base());
                w.field("Support", ScaleCodecs.structSlice(Vote.CODEC, MAX_VOTES), v.support());
                w.field("Against", ScaleCodecs.structSlice(Vote.CODEC, MAX_VOTES), v.against());
                w.field("Abstain", ScaleCodecs.structSlice(CoreCodecs.LAYER_ID, MAX_VOTES), v.abstain());
            },
            r -> new Votes(
                    r.field("Base", CoreCodecs.BALLOT_ID),
                    r.field("Support", ScaleCodecs.structSlice(Vote.CODEC, MAX_VOTES)),
                    r.field("Against", ScaleCodecs.structSlice(Vote.CODEC, MAX_VOTES)),
                    r.field("Abstain", ScaleCodecs.structSlice(CoreCodecs.LAYER_ID, MAX_VOTES))));
}
