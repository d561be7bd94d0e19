package io.smnode.mesh.proposal;

import io.smnode.core.verdict.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A valid ballot is accepted; each test then breaks exactly one rule and expects exactly that rule back. */
class BallotValidatorTest {
    private final BallotFixture f = new BallotFixture();
    private final BallotValidator validator = new BallotValidator(BallotFixture.PARAMS);
    private final LayerId layer = f.eligibleLayer();

    private void expectReject(Ballot ballot, BallotRule rule) {
        Verdict v = validator.validate(ballot, f);
        assertEquals(rule, assertInstanceOf(Verdict.Reject.class, v, v.toString()).rule(), v.toString());
    }

    private void expectIgnore(Ballot ballot, BallotRule rule) {
        Verdict v = validator.validate(ballot, f);
        assertEquals(rule, assertInstanceOf(Verdict.Ignore.class, v, v.toString()).rule(), v.toString());
    }

    private Ballot withInner(Ballot b, InnerBallot inner) {
        return f.signed(inner, b.votes(), b.eligibilityProofs());
    }

    private Ballot secondary(Ballot ref, LayerId at) {
        InnerBallot inner = new InnerBallot(at, f.atx, Hash32.ZERO, ref.id(), Optional.empty());
        return f.signed(inner, f.emptyVotes(), f.proofs(at));
    }

    @Test
    void anHonestReferenceBallotIsAccepted() {
        Ballot ref = f.referenceBallot(layer);
        assertTrue(validator.validate(ref, f).accepted(), validator.validate(ref, f).toString());
    }

    @Test
    void anHonestSecondaryBallotIsAcceptedOnceItsReferenceIsKnown() {
        Ballot ref = f.referenceBallot(layer);
        LayerId later = null;
        for (long l = layer.value() + 1; l < BallotFixture.EPOCH.firstLayer(BallotFixture.LAYERS_PER_EPOCH).value() + 10 && later == null; l++) {
            if (!f.proofs(LayerId.of(l)).isEmpty()) {
                later = LayerId.of(l);
            }
        }
        if (later == null) {
            later = layer;
        }
        Ballot second = secondary(ref, later);
        expectIgnore(second, BallotRule.UNKNOWN_REFERENCE_BALLOT);
        f.ballots.put(ref.id(), ref);
        assertTrue(validator.validate(second, f).accepted(), validator.validate(second, f).toString());
    }

    @Test
    void aForeignSignatureIsRejected() {
        Ballot ref = f.referenceBallot(layer);
        byte[] sig = ref.signature().toByteArray();
        sig[0] ^= 1;
        expectReject(new Ballot(ref.inner(), Signature.of(sig), ref.smesherId(), ref.votes(), ref.eligibilityProofs(), List.of()),
                BallotRule.SIGNATURE);
    }

    @Test
    void epochDataRules() {
        Ballot ref = f.referenceBallot(layer);
        InnerBallot i = ref.inner();
        expectReject(withInner(ref, new InnerBallot(i.layer(), i.atxId(), i.opinionHash(), i.refBallot(), Optional.empty())),
                BallotRule.REFERENCE_WITHOUT_EPOCH_DATA);
        EpochData noBeacon = new EpochData(BallotFixture.ACTIVE_SET, Beacon.EMPTY, f.slots);
        expectReject(withInner(ref, new InnerBallot(i.layer(), i.atxId(), i.opinionHash(), i.refBallot(), Optional.of(noBeacon))),
                BallotRule.REFERENCE_WITHOUT_BEACON);
        expectReject(withInner(ref, new InnerBallot(i.layer(), i.atxId(), i.opinionHash(), BallotId.ofHex("01".repeat(20)),
                i.epochData())), BallotRule.SECONDARY_WITH_EPOCH_DATA);
    }

    @Test
    void voteRules() {
        Ballot ref = f.referenceBallot(layer);
        LayerId recent = layer.sub(1);
        Vote a = new Vote(BlockId.ofHex("0a".repeat(20)), recent, 1);
        Vote b = new Vote(BlockId.ofHex("0b".repeat(20)), recent, 1);
        expectReject(f.signed(ref.inner(), new Votes(BallotId.ZERO, List.of(a, b), List.of(), List.of()), ref.eligibilityProofs()),
                BallotRule.TWO_SUPPORTED_BLOCKS_IN_LAYER);
        // Outside hdist two supported blocks in one layer are allowed (the reference only checks recent layers).
        LayerId old = layer.sub(5);
        Vote c = new Vote(BlockId.ofHex("0c".repeat(20)), old, 1);
        Vote d = new Vote(BlockId.ofHex("0d".repeat(20)), old, 1);
        assertTrue(validator.validate(f.signed(ref.inner(), new Votes(BallotId.ZERO, List.of(c, d), List.of(), List.of()),
                ref.eligibilityProofs()), f).accepted());
        expectReject(f.signed(ref.inner(), new Votes(BallotId.ZERO, List.of(a), List.of(a), List.of()), ref.eligibilityProofs()),
                BallotRule.SUPPORTED_AND_OPPOSED);
        expectReject(f.signed(ref.inner(), new Votes(BallotId.ZERO, List.of(a), List.of(), List.of(recent)), ref.eligibilityProofs()),
                BallotRule.ABSTAIN_ON_VOTED_LAYER);
        List<Vote> many = new ArrayList<>();
        for (int k = 0; k < 1001; k++) {
            many.add(new Vote(BlockId.ofHex(String.format("%040x", k + 1)), LayerId.of(k % 3), 1));
        }
        expectReject(f.signed(ref.inner(), new Votes(BallotId.ZERO, List.of(), many, List.of()), ref.eligibilityProofs()),
                BallotRule.TOO_MANY_EXCEPTIONS);
    }

    @Test
    void eligibilityRules() {
        Ballot ref = f.referenceBallot(layer);
        expectReject(f.signed(ref.inner(), ref.votes(), List.of()), BallotRule.NO_ELIGIBILITY_PROOFS);

        InnerBallot i = ref.inner();
        AtxId unknown = AtxId.ofHex("dd".repeat(32));
        expectIgnore(withInner(ref, new InnerBallot(i.layer(), unknown, i.opinionHash(), i.refBallot(), i.epochData())),
                BallotRule.UNKNOWN_ATX);
        f.atxs.put(unknown, new BallotContext.AtxFacts(NodeId.ofHex("ee".repeat(32)), BallotFixture.EPOCH, 1000, 7));
        expectReject(withInner(ref, new InnerBallot(i.layer(), unknown, i.opinionHash(), i.refBallot(), i.epochData())),
                BallotRule.ATX_OF_ANOTHER_SMESHER);
        f.atxs.put(unknown, new BallotContext.AtxFacts(f.signer.nodeId(), BallotFixture.EPOCH.next(), 1000, 7));
        expectReject(withInner(ref, new InnerBallot(i.layer(), unknown, i.opinionHash(), i.refBallot(), i.epochData())),
                BallotRule.ATX_FOR_ANOTHER_EPOCH);

        EpochData unknownSet = new EpochData(Hash32.ofHex("bb".repeat(32)), BallotFixture.BEACON, f.slots);
        expectIgnore(withInner(ref, new InnerBallot(i.layer(), i.atxId(), i.opinionHash(), i.refBallot(), Optional.of(unknownSet))),
                BallotRule.UNKNOWN_ACTIVE_SET);
        EpochData wrongCount = new EpochData(BallotFixture.ACTIVE_SET, BallotFixture.BEACON, f.slots + 1);
        expectReject(withInner(ref, new InnerBallot(i.layer(), i.atxId(), i.opinionHash(), i.refBallot(), Optional.of(wrongCount))),
                BallotRule.WRONG_ELIGIBILITY_COUNT);
    }

    @Test
    void proofRules() {
        Ballot ref = f.referenceBallot(layer);
        EligibilityProof first = ref.eligibilityProofs().get(0);
        expectReject(f.signed(ref.inner(), ref.votes(), List.of(new EligibilityProof(f.slots, first.proof()))),
                BallotRule.SLOT_OUT_OF_RANGE);
        expectReject(f.signed(ref.inner(), ref.votes(), List.of(first, first)), BallotRule.SLOTS_NOT_ASCENDING);
        byte[] bad = first.proof().toByteArray();
        bad[40] ^= 1;
        expectIgnore(f.signed(ref.inner(), ref.votes(), List.of(new EligibilityProof(first.j(), io.smnode.core.vrf.VrfProof.of(bad)))),
                BallotRule.INVALID_VRF_PROOF);
        // A genuine proof for a slot of another layer: valid VRF, wrong layer.
        EligibilityProof elsewhere = null;
        for (long l = 0; l < BallotFixture.LAYERS_PER_EPOCH && elsewhere == null; l++) {
            LayerId other = BallotFixture.EPOCH.firstLayer(BallotFixture.LAYERS_PER_EPOCH).add(l);
            if (!other.equals(layer) && !f.proofs(other).isEmpty()) {
                elsewhere = f.proofs(other).get(0);
            }
        }
        expectReject(f.signed(ref.inner(), ref.votes(), List.of(elsewhere)), BallotRule.SLOT_NOT_IN_LAYER);
    }
}
