package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.Optional;

/**
 * The signed part of a ballot. The first ballot of a smesher in an epoch (its reference ballot) carries
 * {@link EpochData} and an empty refBallot; later ones name the reference ballot and carry no epoch data.
 */
public record InnerBallot(LayerId layer, AtxId atxId, Hash32 opinionHash, BallotId refBallot, Optional<EpochData> epochData) {
    public static final ScaleCodec<InnerBallot> CODEC = ScaleCodec.of(InnerBallot::encodeFields, r -> new InnerBallot(
            r.field("Layer", CoreCodecs.LAYER_ID),
            r.field("AtxID", CoreCodecs.ATX_ID),
            r.field("OpinionHash", CoreCodecs.HASH32),
            r.field("RefBallot", CoreCodecs.BALLOT_ID),
            r.field("EpochData", ScaleCodecs.option(EpochData.CODEC))));

    public boolean isReference() {
        return refBallot.isZero();
    }

    private static void encodeFields(ScaleWriter w, InnerBallot v) {
        w.field("Layer", CoreCodecs.LAYER_ID, v.layer());
        w.field("AtxID", CoreCodecs.ATX_ID, v.atxId());
        w.field("OpinionHash", CoreCodecs.HASH32, v.opinionHash());
        w.field("RefBallot", CoreCodecs.BALLOT_ID, v.refBallot());
        w.field("EpochData", ScaleCodecs.option(EpochData.CODEC), v.epochData());
    }
}
