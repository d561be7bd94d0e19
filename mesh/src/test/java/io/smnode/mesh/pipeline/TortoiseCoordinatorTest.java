package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.malfeasance.MultipleBallotsProof;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochData;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.tortoise.Tortoise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tortoise's ballot intake with real ballots (made by a lone node): ballots whose base ballot is missing wait,
 * bounded, while their base is fetched, and are stored in a cascade once it arrives; a second ballot of a smesher in
 * a layer is stored as malicious and yields a MultipleBallots proof.
 */
class TortoiseCoordinatorTest {
    private static final OneNode MAKER = made();

    private static OneNode made() {
        OneNode node = new OneNode("ballot maker");
        node.runUntil(LayerId.of(12));
        return node;
    }

    private static List<Ballot> ballots() {
        List<Ballot> out = new ArrayList<>();
        for (long l = 8; l < 12; l++) {
            MAKER.store.ballotsIn(LayerId.of(l)).forEach(b -> out.add(b.ballot()));
        }
        return out;
    }

    private static TortoiseCoordinator fresh(PipelineConfig config) {
        TortoiseCoordinator t = new TortoiseCoordinator(config, new Tortoise(config.tortoise()), 0);
        t.onAtx(MAKER.atxs.of(EpochId.of(2)));
        t.onBeacon(EpochId.of(2), OneNode.genesisBeacon());
        return t;
    }

    @Test
    void ballotsWaitForTheirBaseAndAreStoredOnceItArrives() {
        List<Ballot> ballots = ballots();
        assertEquals(4, ballots.size());
        TortoiseCoordinator t = fresh(OneNode.config());
        for (int i = ballots.size() - 1; i >= 1; i--) {
            BallotOutcome o = t.onBallot(ballots.get(i));
            assertEquals(BallotOutcome.Status.WAITING, o.status(), o.verdict().toString());
            assertEquals(List.of(new Decision.Fetch(Hint.BALLOT, io.smnode.core.types.Bytes.of(
                    ballots.get(i).votes().base().toByteArray()))), o.decisions());
        }
        assertEquals(3, t.waitingBallots());
        BallotOutcome first = t.onBallot(ballots.get(0));
        assertEquals(BallotOutcome.Status.STORED, first.status());
        List<Ballot> stored = first.decisions().stream().filter(d -> d instanceof Decision.BallotStored)
                .map(d -> ((Decision.BallotStored) d).ballot()).toList();
        assertEquals(ballots, stored, "the first, then each that waited for the one before");
        List<Long> arrivals = first.decisions().stream().filter(d -> d instanceof Decision.Persist)
                .map(d -> ((MeshRecord.BallotRecord) ((Decision.Persist) d).record()).arrival()).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L), arrivals);
        assertEquals(0, t.waitingBallots());
    }

    @Test
    void waitingIsBounded() {
        List<Ballot> ballots = ballots();
        TortoiseCoordinator t = fresh(OneNode.config().withMaxWaiting(2));
        assertEquals(BallotOutcome.Status.WAITING, t.onBallot(ballots.get(3)).status());
        assertEquals(BallotOutcome.Status.WAITING, t.onBallot(ballots.get(2)).status());
        BallotOutcome full = t.onBallot(ballots.get(1));
        assertEquals(BallotOutcome.Status.REFUSED, full.status());
        assertEquals(ProposalRule.TOO_MANY_WAITING, full.verdict().ruleOrNull());
    }

    @Test
    void aSecondBallotOfASmesherInALayerIsProvenMalicious() {
        Ballot ref = ballots().get(0);
        EpochData data = ref.inner().epochData().orElseThrow();
        InnerBallot inner = new InnerBallot(ref.inner().layer(), ref.inner().atxId(), ref.inner().opinionHash(),
                ref.inner().refBallot(), Optional.of(new EpochData(Hash32.ofHex("ee".repeat(32)), data.beacon(),
                        data.eligibilityCount())));
        Ballot unsigned = new Ballot(inner, Signature.of(new byte[Signature.LENGTH]), ref.smesherId(), ref.votes(),
                ref.eligibilityProofs(), List.of());
        Ballot twin = new Ballot(inner, MAKER.signer.sign(Domain.BALLOT, unsigned.metadata().encode()),
                ref.smesherId(), ref.votes(), ref.eligibilityProofs(), List.of());

        TortoiseCoordinator t = fresh(OneNode.config());
        assertEquals(BallotOutcome.Status.STORED, t.onBallot(ref).status());
        BallotOutcome second = t.onBallot(twin);
        assertEquals(BallotOutcome.Status.STORED, second.status());
        assertTrue(second.decisions().contains(new Decision.Persist(new MeshRecord.BallotRecord(twin, 1, true))));
        Decision.ProofFound proof = second.decisions().stream().filter(d -> d instanceof Decision.ProofFound)
                .map(d -> (Decision.ProofFound) d).findFirst().orElseThrow();
        MultipleBallotsProof decoded = assertDecodes(proof);
        assertEquals(ref.smesherId(), decoded.first().smesherId());
        assertEquals(Optional.empty(), decoded.check(new io.smnode.core.signing.EdVerifier(OneNode.PREFIX)));

        MalfeasanceCoordinator malfeasance = new MalfeasanceCoordinator(OneNode.config(), java.util.Set.of());
        List<Decision> taken = malfeasance.onLocalProof(proof.proof(), ref.inner().layer());
        assertTrue(taken.contains(new Decision.MarkMalicious(ref.smesherId())), taken.toString());
        assertTrue(taken.stream().anyMatch(d -> d instanceof Decision.Publish p && p.topic() == Topic.MALFEASANCE));
        assertEquals(List.of(), malfeasance.onLocalProof(proof.proof(), ref.inner().layer()), "proven once");
    }

    private static MultipleBallotsProof assertDecodes(Decision.ProofFound proof) {
        try {
            return Scale.decode(MultipleBallotsProof.CODEC, proof.proof().toByteArray());
        } catch (io.smnode.core.codec.ScaleException e) {
            throw new AssertionError(e);
        }
    }
}
