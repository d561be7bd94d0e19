package io.smnode.mesh.pipeline;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.proposal.Vote;
import io.smnode.mesh.proposal.Votes;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.EpochData;
import io.smnode.tortoise.Opinion;
import java.util.Optional;

/** The one mapping between the wire ballot and what the tortoise reads of it, both ways for votes. */
public final class BallotViews {
    private BallotViews() {}

    /** The tortoise's view of a ballot (the reference's {@code BallotTortoiseData}). */
    public static BallotInput tortoiseInput(Ballot ballot, boolean malicious) {
        InnerBallot inner = ballot.inner();
        Votes v = ballot.votes();
        io.smnode.tortoise.Votes votes = new io.smnode.tortoise.Votes(v.base(),
                v.support().stream().map(BallotViews::header).toList(),
                v.against().stream().map(BallotViews::header).toList(), v.abstain());
        Optional<EpochData> epochData = inner.epochData().map(e -> new EpochData(Bytes.of(e.beacon().toByteArray()),
                e.eligibilityCount()));
        return new BallotInput(ballot.id(), inner.layer(), ballot.smesherId(), inner.atxId(),
                ballot.eligibilityProofs().size(), new Opinion(inner.opinionHash(), votes), epochData,
                inner.isReference() ? Optional.empty() : Optional.of(inner.refBallot()), malicious);
    }

    /** The wire form of votes the tortoise encoded. */
    public static Votes wireVotes(io.smnode.tortoise.Votes votes) {
        return new Votes(votes.base(), votes.support().stream().map(BallotViews::vote).toList(),
                votes.against().stream().map(BallotViews::vote).toList(), votes.abstain());
    }

    private static BlockHeader header(Vote v) {
        return new BlockHeader(v.blockId(), v.layer(), v.height());
    }

    private static Vote vote(BlockHeader h) {
        return new Vote(h.id(), h.layer(), h.height());
    }
}
