package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node that sees another's proposals out of order: a proposal whose reference ballot it lacks waits while the
 * ballot is fetched; the fetched ballot waits for the active set it names; once the active set is known both are
 * taken, in order, and the proposal is stored. Duplicates and hostile bytes are refused at once.
 */
class ProposalIntakeTest {
    @Test
    void aProposalWaitsForItsReferenceBallotWhichWaitsForItsActiveSet() {
        OneNode a = new OneNode("proposer");
        a.runUntil(LayerId.of(10));
        Proposal second = a.store.proposalsIn(LayerId.of(9)).get(0);
        Ballot reference = a.store.ballot(second.ballot().inner().refBallot()).orElseThrow();
        AtxReads.Atx atxOfA = a.atxs.of(EpochId.of(2));

        OneNode b = new OneNode("receiver");
        b.atxs.add(atxOfA);
        b.pipeline.onAtx(atxOfA);
        b.pipeline.onFetched(Hint.PROPOSAL, Bytes.wrap(Scale.encode(Proposal.CODEC, second)));
        assertEquals(List.of(new Decision.Fetch(Hint.BALLOT, Bytes.of(reference.id().toByteArray()))), b.fetched);

        b.pipeline.onFetched(Hint.BALLOT, Bytes.wrap(Scale.encode(Ballot.CODEC, reference)));
        var activeSet = reference.inner().epochData().orElseThrow().activeSetHash();
        assertEquals(new Decision.Fetch(Hint.ACTIVE_SET, Bytes.of(activeSet.toByteArray())), b.fetched.get(1));
        assertTrue(b.store.ballot(reference.id()).isEmpty());

        b.pipeline.onActiveSet(EpochId.of(2), List.of(atxOfA.id()));
        assertTrue(b.store.ballot(reference.id()).isPresent(), "the reference ballot, once its active set is known");
        assertEquals(second, b.store.proposal(second.id()).orElseThrow(), "then the proposal that waited for it");
        assertEquals(List.of(reference.id(), second.ballot().id()), List.of(
                b.store.ballotsIn(LayerId.of(8)).get(0).ballot().id(), b.store.ballotsIn(LayerId.of(9)).get(0)
                        .ballot().id()));

        Verdict again = b.pipeline.onGossip(Topic.PROPOSAL, Bytes.wrap(Scale.encode(Proposal.CODEC, second)),
                OneNode.layerTime(LayerId.of(9)));
        assertTrue(!again.accepted() && !again.rejected(), "a stored proposal is ignored: " + again);
        Verdict garbage = b.pipeline.onGossip(Topic.PROPOSAL, Bytes.ofHex("0102"), OneNode.layerTime(LayerId.of(9)));
        assertTrue(garbage.rejected(), garbage.toString());
    }
}
