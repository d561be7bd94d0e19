package io.smnode.hare;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.vrf.VrfProof;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The message store behind the protocol: graded gossip (hare3 paper, protocol 1), thresh-gossip (protocol 3) and
 * gradecast (protocol 2), as go-spacemesh's {@code hare3/protocol.go} implements them. One kept message per
 * (sender, iteration, round), stamped with the protocol position at which it arrived; grades are derived from that
 * stamp when a round asks.
 */
final class GradedGossip {
    /** The best grade: ATX grade of a valid eligibility, and the message grade of a timely one. */
    static final int GRADE5 = 5;

    private final int threshold;
    private final Map<IterRound, Map<NodeId, Entry>> state = new HashMap<>();

    /** A kept message. Mutable: an equivocation found later marks it malicious and records when the twin came. */
    private static final class Entry {
        final ProtocolInput input;
        final IterRound received;
        boolean malicious;
        /** When this entry's equivocating twin arrived; null while it has none. */
        IterRound otherReceived;

        Entry(ProtocolInput input, IterRound received, boolean malicious, IterRound otherReceived) {
            this.input = input;
            this.received = received;
            this.malicious = malicious;
            this.otherReceived = otherReceived;
        }
    }

    /** A gradecast output: a leader's proposal set with its grade (1 or 2) and the leader's eligibility proof. */
    record GradedSet(List<ProposalId> values, int grade, NodeId sender, VrfProof proof) {}

    GradedGossip(int threshold) {
        this.threshold = threshold;
    }

    int threshold() {
        return threshold;
    }

    /**
     * Files {@code input} received while the protocol stands at {@code current}. A new key is kept and relayed. A
     * different hash under a key whose kept message is honest is an equivocation: both count as malicious from
     * now on (the one with the higher ATX grade is kept), the second is relayed, and the proof is returned.
     * Anything else (duplicates, further twins) is dropped.
     */
    Received receive(IterRound current, ProtocolInput input) {
        Map<NodeId, Entry> round = state.computeIfAbsent(input.message().iterRound(), k -> new HashMap<>());
        NodeId sender = input.message().sender();
        Entry other = round.get(sender);
        if (other == null) {
            round.put(sender, new Entry(input, current, input.malicious(), null));
            return Received.FRESH;
        }
        if (other.input.msgHash().equals(input.msgHash()) || other.malicious) {
            return Received.DROPPED;
        }
        if (input.atxGrade() > other.input.atxGrade()) {
            round.put(sender, new Entry(input, current, true, other.received));
        } else {
            other.malicious = true;
            other.otherReceived = current;
        }
        return new Received(true, Optional.of(new HareEquivocation(
                other.input.message().toProofMessage(), input.message().toProofMessage())));
    }

    /** Thresh-gossip over proposal ids: the ids of {@code filter}'s messages that reach the threshold, sorted. */
    List<ProposalId> thresholdProposals(IterRound filter, int grade) {
        Map<ProposalId, int[]> tallies = new HashMap<>();
        tally(filter, grade, (entry, count) -> {
            for (ProposalId id : entry.input.message().body().value().proposals()) {
                add(tallies.computeIfAbsent(id, k -> new int[2]), count, entry.malicious);
            }
        });
        List<ProposalId> out = passing(tallies);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * Thresh-gossip over references. The reference returns them in Go map order and its callers take the first
     * one they know; with a threshold above half the committee two can only pass together with the help of
     * equivocators, and then this picks the lowest hash so that the choice is at least deterministic.
     */
    List<Hash32> thresholdRefs(IterRound filter, int grade) {
        Map<Hash32, int[]> tallies = new HashMap<>();
        tally(filter, grade, (entry, count) -> entry.input.message().body().value().reference()
                .ifPresent(ref -> add(tallies.computeIfAbsent(ref, k -> new int[2]), count, entry.malicious)));
        List<Hash32> out = passing(tallies);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * Gradecast of {@code target}'s (propose) messages. Grade 2: ATX grade 5, at most one delay late, and no twin
     * within 3 delays; grade 1: ATX grade at least 4, at most two delays late, no twin within 2. Known-malicious
     * senders without a twin take no part. Ordered by the leaders' eligibility proofs as little-endian integers,
     * which is the leader order every honest node shares (ties, impossible between real proofs, by sender).
     */
    List<GradedSet> gradecast(IterRound target) {
        List<GradedSet> out = new ArrayList<>();
        for (Entry e : state.getOrDefault(target, Map.of()).values()) {
            if (e.malicious && e.otherReceived == null) {
                continue;
            }
            long delay = e.received.delay(target);
            int grade = 0;
            if (e.input.atxGrade() == GRADE5 && delay <= 1
                    && (e.otherReceived == null || e.otherReceived.delay(target) > 3)) {
                grade = 2;
            } else if (e.input.atxGrade() >= 4 && delay <= 2
                    && (e.otherReceived == null || e.otherReceived.delay(target) > 2)) {
                grade = 1;
            }
            if (grade > 0) {
                HareMessage m = e.input.message();
                out.add(new GradedSet(m.body().value().proposals(), grade, m.sender(),
                        m.body().eligibility().proof()));
            }
        }
        out.sort(GradedGossip::leaderOrder);
        return out;
    }

    private static int leaderOrder(GradedSet a, GradedSet b) {
        int c = Leaders.compare(a.proof(), b.proof());
        return c != 0 ? c : a.sender().compareTo(b.sender());
    }

    /**
     * Feeds {@code tally} every message of round {@code filter} with message grade at least {@code grade} and ATX
     * grade at least the lowest ATX grade among the honest ones of those: a weakly-graded honest message lets
     * equally weak ones count, an equivocator cannot lower the bar.
     */
    private void tally(IterRound filter, int grade, BiConsumer<Entry, Integer> tally) {
        Map<NodeId, Entry> round = state.getOrDefault(filter, Map.of());
        int minAtxGrade = GRADE5;
        for (Entry e : round.values()) {
            if (!e.malicious && e.input.atxGrade() < minAtxGrade && e.received.grade(filter) >= grade) {
                minAtxGrade = e.input.atxGrade();
            }
        }
        for (Entry e : round.values()) {
            if (e.input.atxGrade() >= minAtxGrade && e.received.grade(filter) >= grade) {
                tally.accept(e, e.input.message().body().eligibility().count());
            }
        }
    }

    /** Adds a message's seats: to the total always, to the valid (honest) part unless malicious. uint16, wrapping. */
    private static void add(int[] totalAndValid, int count, boolean malicious) {
        totalAndValid[0] = (totalAndValid[0] + count) & 0xffff;
        if (!malicious) {
            totalAndValid[1] = (totalAndValid[1] + count) & 0xffff;
        }
    }

    /** Keys reaching the threshold with at least one honest seat. */
    private <K> List<K> passing(Map<K, int[]> tallies) {
        List<K> out = new ArrayList<>();
        tallies.forEach((k, tv) -> {
            if (tv[0] >= threshold && tv[1] > 0) {
                out.add(k);
            }
        });
        return out;
    }
}
