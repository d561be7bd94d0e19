package io.smnode.beacon;

import io.smnode.core.verdict.Verdict;
import static io.smnode.beacon.BeaconNetwork.EARLY_ATX;
import static io.smnode.beacon.BeaconNetwork.EPOCH;
import static io.smnode.beacon.BeaconNetwork.EPOCH_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.vrf.VrfProof;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconProtocolTest {
    /** BLAKE3 over the proposals in ascending byte order, first 4 bytes: the spec's result rule, computed here. */
    private static Beacon expectedBeacon(List<BeaconProposal> proposals) {
        byte[] concat = new byte[proposals.size() * BeaconProposal.LENGTH];
        List<BeaconProposal> sorted = proposals.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).copyTo(concat, i * BeaconProposal.LENGTH);
        }
        return Beacon.of(Arrays.copyOf(Blake3.hash(concat).toByteArray(), 4));
    }

    private static BeaconNetwork honest(int n) {
        BeaconNetwork net = new BeaconNetwork();
        for (int i = 0; i < n; i++) {
            net.addNode(net.addMiner(i, 10 + i, 2 + i % 3, EARLY_ATX, false));
        }
        return net;
    }

    @Test
    void honestParticipantsAgreeOnTheBeaconOfAllProposals() {
        BeaconNetwork net = honest(5);
        net.run();

        List<BeaconProposal> proposals = net.sent(ProposalMessage.class).stream().map(ProposalMessage::proposal).toList();
        // thr(5) = 2^640·(1 − 2^-12): a proof passes unless its top 12 bits are all ones; these five all pass.
        assertEquals(5, proposals.size());
        Beacon expected = expectedBeacon(proposals);
        for (BeaconProtocol node : net.nodes.values()) {
            assertTrue(node.isFinished());
            assertEquals(Optional.empty(), node.failure());
            assertEquals(Optional.of(expected), node.beacon());
        }
        // every node voted in every round: 5 first votes, 3 × 5 following votes
        assertEquals(5, net.sent(FirstVotingMessage.class).size());
        assertEquals(15, net.sent(FollowingVotingMessage.class).size());
    }

    @Test
    void theWeakCoinIsTheLowBitOfTheSmallestLittleEndianProof() {
        BeaconNetwork net = honest(4);
        net.run();
        for (long round = 1; round <= 3; round++) {
            long r = round;
            // Independent reading of "smallest, little-endian": reverse the bytes and compare as big integers.
            VrfProof min = net.sent(WeakCoinMessage.class).stream().filter(m -> m.round() == r)
                    .map(WeakCoinMessage::vrfProof)
                    .min(Comparator.comparing(BeaconProtocolTest::littleEndianValue)).orElseThrow();
            boolean expectedCoin = (min.get(0) & 1) == 1;
            for (BeaconProtocol node : net.nodes.values()) {
                assertEquals(Optional.of(expectedCoin), node.weakCoin(round), "round " + round);
            }
        }
    }

    @Test
    void ownCoinMessageIsTheMinimumOverTheAllowedUnits() {
        BeaconNetwork net = honest(3);
        net.run();
        for (WeakCoinMessage m : net.sent(WeakCoinMessage.class)) {
            EpochMiners.Miner miner = net.atxs.get(m.nodeId());
            EdSigner s = net.signers.get(m.nodeId());
            assertTrue(m.unit() < miner.numUnits());
            for (long unit = 0; unit < miner.numUnits(); unit++) {
                VrfProof other = s.vrfSigner().prove(BeaconVrf.weakCoinMessage(miner.vrfNonce(), EPOCH, m.round(), unit));
                assertTrue(littleEndianValue(m.vrfProof()).compareTo(littleEndianValue(other)) <= 0);
            }
        }
    }

    @Test
    void aProposalReceivedWithinTheGracePeriodAfterThePhaseIsPotentiallyValid() {
        BeaconNetwork net = honest(4);
        EdSigner late = BeaconNetwork.signer(0);
        EdSigner receiver = BeaconNetwork.signer(3);
        // node 3 gets node 0's proposal 5 s after the 10 s proposal phase ended (grace period 10 s)
        net.hold(new BeaconNetwork.Hold((to, m) -> to.equals(receiver.nodeId()) && m instanceof ProposalMessage p
                && p.nodeId().equals(late.nodeId()), Duration.ofSeconds(15)));
        net.run();

        BeaconProposal p = proposalOf(net, late);
        assertEquals(Optional.of(ProposalCategory.POTENTIALLY_VALID), net.nodes.get(receiver.nodeId()).category(p));
        assertEquals(Optional.of(ProposalCategory.VALID), net.nodes.get(BeaconNetwork.signer(1).nodeId()).category(p));
        // node 3's first vote went out at the phase's end, before the proposal arrived: it does not list it
        FirstVotingMessage vote3 = net.sent(FirstVotingMessage.class).stream()
                .filter(v -> v.smesherId().equals(receiver.nodeId())).findFirst().orElseThrow();
        assertFalse(vote3.body().valid().contains(p));
        // the others' valid votes carry it to support, so every node still agrees
        Beacon b = net.nodes.get(late.nodeId()).beacon().orElseThrow();
        net.nodes.values().forEach(n -> assertEquals(Optional.of(b), n.beacon()));
    }

    @Test
    void aProposalLaterThanTheGracePeriodIsDroppedButRelayed() {
        BeaconNetwork net = honest(3);
        EdSigner late = BeaconNetwork.signer(0);
        EdSigner receiver = BeaconNetwork.signer(2);
        net.hold(new BeaconNetwork.Hold((to, m) -> to.equals(receiver.nodeId()) && m instanceof ProposalMessage p
                && p.nodeId().equals(late.nodeId()), Duration.ofSeconds(21)));
        net.run();
        assertEquals(Optional.empty(), net.nodes.get(receiver.nodeId()).category(proposalOf(net, late)));
    }

    @Test
    void aProposalOfAnAtxReceivedAfterTheEpochStartIsOnlyPotentiallyValid() {
        BeaconNetwork net = honest(3);
        EdSigner lateAtx = net.addMiner(7, 10, 1, EPOCH_START.plusSeconds(5), false);
        net.addNode(lateAtx);
        net.run();
        BeaconProposal p = proposalOf(net, lateAtx);
        for (BeaconProtocol node : net.nodes.values()) {
            assertEquals(Optional.of(ProposalCategory.POTENTIALLY_VALID), node.category(p));
        }
    }

    @Test
    void maliciousVotesWeighNothing() {
        // Four honest nodes of weight 10 each and one smesher known malicious with weight 1000, which proposes and
        // then votes against every honest proposal in every round. Were its weight counted, every honest margin
        // would be 40 − 1000 < −θW and nothing would be supported. Weighing 0, honest proposals reach +40 ≥ θW = 10.
        BeaconNetwork net = new BeaconNetwork();
        List<BeaconProposal> honest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EdSigner s = net.addMiner(i, 10, 1, EARLY_ATX, false);
            net.addNode(s);
            honest.add(BeaconProposal.fromProof(proposalProof(net, s)));
        }
        EdSigner evil = net.addMiner(9, 1000, 5, EARLY_ATX, true);
        VrfProof evilProof = proposalProof(net, evil);
        // the adversary's messages, each sent when its phase starts (proposals at S(e), round 0 at +10 s,
        // round r ≥ 1 at +30 s + 15 s·(r − 1))
        net.publish(evil.nodeId(), List.of(new ProposalMessage(EPOCH, evil.nodeId(), evilProof)), EPOCH_START);
        FirstVotingBody against = new FirstVotingBody(EPOCH, List.of(), honest.stream().sorted().toList());
        net.publish(evil.nodeId(), List.of(FirstVotingMessage.sign(against, evil)), EPOCH_START.plusSeconds(10));
        for (long round = 1; round <= 3; round++) {
            FollowingVotingBody none = new FollowingVotingBody(EPOCH, round, Bytes.EMPTY);
            net.publish(evil.nodeId(), List.of(FollowingVotingMessage.sign(none, evil)),
                    EPOCH_START.plusSeconds(30 + 15 * (round - 1)));
        }
        net.run();

        Beacon expected = expectedBeacon(honest);
        for (BeaconProtocol node : net.nodes.values()) {
            assertEquals(40, node.epochWeight()); // the malicious ATX's weight is not in W either
            assertEquals(Optional.of(expected), node.beacon());
            // its proposal was valid by timing and threshold but is downgraded, and then voted down
            assertEquals(Optional.of(ProposalCategory.POTENTIALLY_VALID), node.category(BeaconProposal.fromProof(evilProof)));
        }
    }

    @Test
    void aMaliciousOwnIdentityDoesNotPropose() {
        BeaconNetwork net = honest(2);
        EdSigner evil = net.addMiner(5, 10, 3, EARLY_ATX, true);
        net.addNode(evil);
        net.run();
        assertTrue(net.sent(ProposalMessage.class).stream().noneMatch(m -> m.nodeId().equals(evil.nodeId())));
        assertTrue(net.sent(WeakCoinMessage.class).stream().noneMatch(m -> m.nodeId().equals(evil.nodeId())));
    }

    @Test
    void noRoundsMeansTheProtocolIsOff() {
        var params = new NetworkParams.Beacon(40, BeaconNetwork.PARAMS.q(), BeaconNetwork.PARAMS.theta(),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20), 0, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 100, 10);
        BeaconNetwork net = honest(1);
        EdSigner s = BeaconNetwork.signer(0);
        BeaconProtocol p = new BeaconProtocol(params, EPOCH, EPOCH_START, net.port, List.of(s), BeaconNetwork.VERIFIER);
        assertTrue(p.start(EPOCH_START).isEmpty());
        assertEquals(Optional.of(BeaconProtocol.Failure.DISABLED), p.failure());
    }

    @Test
    void duplicatesAndForgeriesAreIgnoredWithTheirRule() {
        BeaconNetwork net = honest(2).build();
        EdSigner a = BeaconNetwork.signer(0);
        BeaconProtocol node = net.nodes.get(BeaconNetwork.signer(1).nodeId());
        EpochMiners.Miner atx = net.atxs.get(a.nodeId());
        VrfProof proof = a.vrfSigner().prove(BeaconVrf.proposalMessage(atx.vrfNonce(), EPOCH));
        byte[] good = new ProposalMessage(EPOCH, a.nodeId(), proof).encode();

        assertIgnored(BeaconRule.TOO_EARLY, node.onProposal(good, EPOCH_START.minusSeconds(10)));
        VrfProof wrong = a.vrfSigner().prove(BeaconVrf.proposalMessage(atx.vrfNonce() + 1, EPOCH));
        assertIgnored(BeaconRule.INVALID_VRF, node.onProposal(new ProposalMessage(EPOCH, a.nodeId(), wrong).encode(), EPOCH_START));
        assertTrue(node.onProposal(good, EPOCH_START).accepted());
        assertIgnored(BeaconRule.DUPLICATE, node.onProposal(good, EPOCH_START));
        assertIgnored(BeaconRule.WRONG_EPOCH, node.onProposal(new ProposalMessage(EPOCH.next(), a.nodeId(), proof).encode(), EPOCH_START));
        EdSigner stranger = BeaconNetwork.signer(40);
        assertIgnored(BeaconRule.UNKNOWN_MINER, node.onProposal(new ProposalMessage(EPOCH, stranger.nodeId(), proof).encode(), EPOCH_START));

        FirstVotingMessage vote = FirstVotingMessage.sign(new FirstVotingBody(EPOCH, List.of(), List.of()), a);
        assertIgnored(BeaconRule.NOT_RUNNING, node.onFirstVotes(vote.encode(), EPOCH_START));
        node.start(EPOCH_START);
        FirstVotingMessage forged = new FirstVotingMessage(new FirstVotingBody(EPOCH, List.of(BeaconProposal.fromProof(proof)),
                List.of()), a.nodeId(), vote.signature());
        assertIgnored(BeaconRule.INVALID_SIGNATURE, node.onFirstVotes(forged.encode(), EPOCH_START));
        assertTrue(node.onFirstVotes(vote.encode(), EPOCH_START).accepted());
        assertIgnored(BeaconRule.DUPLICATE, node.onFirstVotes(vote.encode(), EPOCH_START));

        FollowingVotingMessage round2 = FollowingVotingMessage.sign(new FollowingVotingBody(EPOCH, 2, Bytes.EMPTY), a);
        assertIgnored(BeaconRule.UNTIMELY, node.onFollowingVotes(round2.encode(), EPOCH_START));
    }

    private static void assertIgnored(BeaconRule rule, Verdict v) {
        Verdict.Ignore ignore = assertInstanceOf(Verdict.Ignore.class, v, v.toString());
        assertEquals(rule, ignore.rule(), ignore.detail());
    }

    private static BeaconProposal proposalOf(BeaconNetwork net, EdSigner s) {
        return net.sent(ProposalMessage.class).stream().filter(m -> m.nodeId().equals(s.nodeId()))
                .map(ProposalMessage::proposal).findFirst().orElseThrow();
    }

    private static BigInteger littleEndianValue(VrfProof p) {
        byte[] b = p.toByteArray();
        byte[] reversed = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            reversed[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, reversed);
    }

    private static VrfProof proposalProof(BeaconNetwork net, EdSigner s) {
        return s.vrfSigner().prove(BeaconVrf.proposalMessage(net.atxs.get(s.nodeId()).vrfNonce(), EPOCH));
    }
}
