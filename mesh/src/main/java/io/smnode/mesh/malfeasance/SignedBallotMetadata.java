package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.BallotMetadata;

/** One half of a double-ballot proof: what a smesher signed and its signature (spec 07 §5). */
public record SignedBallotMetadata(BallotMetadata metadata, NodeId smesherId, Signature signature) {
    public static final ScaleCodec<SignedBallotMetadata> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("InnerMsg", BallotMetadata.CODEC, v.metadata());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of), v.signature());
            },
            r -> new SignedBallotMetadata(
                    r.field("InnerMsg", BallotMetadata.CODEC),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of))));

    public static SignedBallotMetadata of(Ballot ballot) {
        return new SignedBallotMetadata(ballot.metadata(), ballot.smesherId(), ballot.signature());
    }
}
