package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.verdict.Verdict;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Several nodes, each one session with one signer, exchanging every message through the bytes handler. */
class HareSessionTest {
    private static final Bytes PREFIX = Bytes.ofHex("aabbccdd");
    private static final EdVerifier VERIFIER = new EdVerifier(PREFIX);
    private static final LayerId LAYER = LayerId.of(9);
    private static final Beacon BEACON = Beacon.ofHex("deadbeef");
    /** Committee 800 over a total weight of 8: every identity draws from 800 trials at p = 1/8, so all hold seats. */
    private static final HareConfig CONFIG = new HareConfig(800, Optional.empty(), 5, 4);

    private static List<EdSigner> signers(int n) {
        List<EdSigner> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EdSigner.fromSeed(HareOracleTest.seed(100 + i), PREFIX));
        }
        return out;
    }

    private static HareOracle oracle(List<EdSigner> all) {
        Map<NodeId, Long> weights = new HashMap<>();
        all.forEach(s -> weights.put(s.nodeId(), 1L));
        return new HareOracle(BEACON, ActiveSet.of(weights));
    }

    private static List<HareSession> sessions(List<EdSigner> all, Set<NodeId> malicious) {
        HareOracle oracle = oracle(all);
        List<HareSession> out = new ArrayList<>();
        for (EdSigner s : all) {
            out.add(new HareSession(CONFIG, LAYER, oracle, VERIFIER, List.of(s), malicious::contains));
        }
        return out;
    }

    @Test
    void honestNodesAgreeOnTheCommonInitialSetAndTheSameCoin() {
        List<EdSigner> all = signers(8);
        List<HareSession> nodes = sessions(all, Set.of());
        List<ProposalId> initial = List.of(HareCodecsTest.id(1), HareCodecsTest.id(2), HareCodecsTest.id(3));
        nodes.forEach(n -> {
            assertTrue(n.activeInPreround());
            n.onInitial(initial);
        });
        Map<Integer, List<ProposalId>> results = new HashMap<>();
        Set<Boolean> coins = new HashSet<>();
        int rounds = 0;
        while (!nodes.get(0).finished()) {
            List<RoundOutcome> outcomes = new ArrayList<>();
            for (HareSession n : nodes) {
                outcomes.add(n.next());
            }
            for (int i = 0; i < nodes.size(); i++) {
                RoundOutcome o = outcomes.get(i);
                int node = i;
                o.result().ifPresent(r -> results.put(node, r));
                o.coin().ifPresent(coins::add);
                for (HareMessage m : o.messages()) {
                    for (int j = 0; j < nodes.size(); j++) {
                        if (j != i) {
                            MessageOutcome v = nodes.get(j).onMessage(HareCodecs.encodeMessage(m));
                            assertTrue(v.accepted(), v.toString());
                        }
                    }
                }
            }
            rounds++;
        }
        // Iteration 0 (7 rounds, hardlock skipped), iteration 1 (7, output at its hardlock), then the
        // terminating hardlock of iteration 2.
        assertEquals(7 + 7 + 1, rounds);
        assertEquals(1, coins.size(), "one coin value across all nodes");
        nodes.forEach(n -> assertTrue(n.finished()));
        assertEquals(nodes.size(), results.size());
        results.values().forEach(r -> assertEquals(initial, r));
    }

    @Test
    void equivocationIsReportedOnceAndTheSecondMessageStillRelayed() {
        List<EdSigner> all = signers(8);
        HareSession node = sessions(all, Set.of()).get(0);
        node.next(); // preround executed: messages for it are now one delay old
        EdSigner cheat = all.get(1);
        Eligibility seats = oracle(all).eligibility(cheat.vrfSigner(), LAYER, IterRound.of(0, Round.PREROUND),
                800).orElseThrow();
        HareMessage first = signedPreround(cheat, seats, HareCodecsTest.id(1));
        HareMessage second = signedPreround(cheat, seats, HareCodecsTest.id(2));
        HareMessage third = signedPreround(cheat, seats, HareCodecsTest.id(3));

        assertEquals(new MessageOutcome(Verdict.accept(), Optional.empty()), node.onMessage(first));
        assertEquals(Verdict.Ignore.class, node.onMessage(first).verdict().getClass(), "a duplicate is dropped");
        MessageOutcome v = node.onMessage(second);
        assertEquals(Verdict.Accept.class, v.verdict().getClass());
        HareEquivocation proof = v.equivocation().orElseThrow();
        assertEquals(first.toProofMessage(), proof.first());
        assertEquals(second.toProofMessage(), proof.second());
        assertEquals(Optional.of(cheat.nodeId()), proof.offender(VERIFIER));
        MessageOutcome again = node.onMessage(third);
        assertEquals(Verdict.Ignore.class, again.verdict().getClass());
        assertFalse(again.equivocation().isPresent(), "reported once");
    }

    @Test
    void equivocatorsSeatsStopCountingAsHonest() {
        // The cheat's one message would carry id(1) past the threshold on its own; its two conflicting ones
        // carry nothing, because seats of malicious messages count in the total but not as honest support.
        assertEquals(List.of(HareCodecsTest.id(1)), proposedAfterPreroundFrom(1));
        assertEquals(List.of(), proposedAfterPreroundFrom(2));
    }

    /** What an honest node proposes after the cheat sent {@code twins} conflicting preround messages. */
    private static List<ProposalId> proposedAfterPreroundFrom(int twins) {
        EdSigner cheat = EdSigner.fromSeed(HareOracleTest.seed(1), PREFIX);
        EdSigner honest = EdSigner.fromSeed(HareOracleTest.seed(2), PREFIX);
        // Total weight 5: in message rounds committee 800 scales to n = 800·w trials at p = 1/5, so the cheat
        // (w 3) holds about 480 seats, above the threshold of 401, and the honest node about 320, below it;
        // in propose the 5 leaders' seats are p = 1, so the honest node always proposes.
        HareOracle oracle = new HareOracle(BEACON, ActiveSet.of(Map.of(cheat.nodeId(), 3L, honest.nodeId(), 2L)));
        HareSession node = new HareSession(CONFIG, LAYER, oracle, VERIFIER, List.of(honest), id -> false);
        node.onInitial(List.of(HareCodecsTest.id(5)));
        node.next();
        Eligibility seats = oracle.eligibility(cheat.vrfSigner(), LAYER, IterRound.of(0, Round.PREROUND), 800)
                .orElseThrow();
        assertTrue(seats.count() >= 401, "cheat seats " + seats.count());
        for (int i = 1; i <= twins; i++) {
            node.onMessage(signedPreround(cheat, seats, HareCodecsTest.id(i)));
        }
        node.next(); // softlock
        RoundOutcome propose = node.next();
        assertEquals(IterRound.of(0, Round.PROPOSE), propose.executed());
        assertEquals(1, propose.messages().size());
        return propose.messages().get(0).body().value().proposals();
    }

    @Test
    void handlerRejectsForgeriesAndIgnoresWhatIsNotEligibleOrNotForThisLayer() {
        List<EdSigner> all = signers(8);
        HareSession node = sessions(all, Set.of()).get(0);
        EdSigner sender = all.get(1);
        Eligibility seats = oracle(all).eligibility(sender.vrfSigner(), LAYER, IterRound.of(0, Round.PREROUND),
                800).orElseThrow();
        HareMessage good = signedPreround(sender, seats, HareCodecsTest.id(1));

        HareMessage forged = new HareMessage(good.body(), good.sender(), Signature.of(new byte[64]));
        assertEquals(Verdict.Reject.class, node.onMessage(forged).verdict().getClass());
        assertEquals(Verdict.Reject.class, node.onMessage(new byte[] {1, 2, 3}).verdict().getClass());
        HareMessage inflated = HareMessage.sign(new Body(LAYER, good.iterRound(), good.body().value(),
                new Eligibility(seats.proof(), seats.count() + 1)), sender);
        assertEquals(new MessageOutcome(Verdict.ignore(HareRule.NOT_ELIGIBLE, ""), Optional.empty()), node.onMessage(inflated));
        HareMessage otherLayer = HareMessage.sign(new Body(LAYER.add(1), good.iterRound(), good.body().value(),
                seats), sender);
        assertEquals(Verdict.Ignore.class, node.onMessage(otherLayer).verdict().getClass());
        assertEquals(Verdict.Accept.class, node.onMessage(good).verdict().getClass());
    }

    @Test
    void withoutAgreementTheSessionEndsAfterIterationLimitHardlock() {
        List<EdSigner> all = signers(8);
        HareSession node = sessions(all, Set.of()).get(0); // alone: its seats never reach the threshold
        node.onInitial(List.of(HareCodecsTest.id(1)));
        RoundOutcome last = null;
        int rounds = 0;
        while (!node.finished()) {
            last = node.next();
            assertFalse(last.result().isPresent());
            rounds++;
        }
        assertEquals(IterRound.of(4, Round.HARDLOCK), last.executed());
        assertFalse(last.terminated());
        assertEquals(2 + 7 * 3 + 6, rounds);
        assertThrows(IllegalStateException.class, node::next);
    }

    private static HareMessage signedPreround(EdSigner signer, Eligibility seats, ProposalId proposal) {
        return HareMessage.sign(new Body(LAYER, IterRound.of(0, Round.PREROUND), Value.ofProposals(List.of(proposal)),
                seats), signer);
    }
}
