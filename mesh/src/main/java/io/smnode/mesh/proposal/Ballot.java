package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.hash.Blake3;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.NodeId;
import java.util.List;

/**
 * A smesher's signed vote on the mesh history in one layer (spec 03 §2). Only {@link InnerBallot} is signed; votes
 * and eligibility proofs travel beside it (the opinion hash in the inner ballot pins the votes).
 */
public record Ballot(InnerBallot inner, Signature signature, NodeId smesherId, Votes votes,
                     List<EligibilityProof> eligibilityProofs, List<AtxId> activeSet) {
    /** The reference's bound on proofs per ballot (spec 03 §2). */
    public static final int MAX_ELIGIBILITY_PROOFS = 25_000;
    /** The legacy in-ballot active set: at most one entry, honest builders leave it empty (spec 03 §2). */
    public static final int MAX_ACTIVE_SET = 1;

    public Ballot {
        eligibilityProofs = List.copyOf(eligibilityProofs);
        activeSet = List.copyOf(activeSet);
    }

    private static final ScaleCodec<List<EligibilityProof>> PROOFS = ScaleCodecs.structSlice(EligibilityProof.CODEC, MAX_ELIGIBILITY_PROOFS);
    private static final ScaleCodec<List<AtxId>> ACTIVE_SET = ScaleCodecs.slice(CoreCodecs.ATX_ID, MAX_ACTIVE_SET);
    private static final ScaleCodec<Signature> SIGNATURE = ScaleCodecs.fixed(Signature.LENGTH, Signature::of);

    /** The embedded struct's fields come first, inline, as Go embeds InnerBallot. */
    public static final ScaleCodec<Ballot> CODEC = ScaleCodec.of(Ballot::encodeFields, Ballot::decodeFields);

    /** Hash20 of the inner ballot's SCALE bytes. */
    public BallotId id() {
        return BallotId.of(Blake3.hash20(Scale.encode(InnerBallot.CODEC, inner)).toByteArray());
    }

    /** What the BALLOT-domain signature covers. */
    public BallotMetadata metadata() {
        return new BallotMetadata(inner.layer(), Blake3.hash(Scale.encode(InnerBallot.CODEC, inner)));
    }

    static void encodeFields(ScaleWriter w, Ballot v) {
        InnerBallot.CODEC.encode(w, v.inner());
        w.field("Signature", SIGNATURE, v.signature());
        w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
        w.field("Votes", Votes.CODEC, v.votes());
        w.field("EligibilityProofs", PROOFS, v.eligibilityProofs());
        w.field("ActiveSet", ACTIVE_SET, v.activeSet());
    }

    static Ballot decodeFields(ScaleReader r) throws ScaleException {
        return new Ballot(
                InnerBallot.CODEC.decode(r),
                r.field("Signature", SIGNATURE),
                r.field("SmesherID", CoreCodecs.NODE_ID),
                r.field("Votes", Votes.CODEC),
                r.field("EligibilityProofs", PROOFS),
                r.field("ActiveSet", ACTIVE_SET));
    }
}
