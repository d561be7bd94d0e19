package io.smnode.beacon;

import io.smnode.core.types.NodeId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The vote bookkeeping of one epoch (the reference's {@code state}): proposals by category, the running margin of
 * every known proposal (cumulative over all rounds), each voter's first-round list, and who proposed or voted.
 * Proposals are kept in sorted maps so that every iteration is in the same order on every node.
 */
final class EpochVotes {
    private final Map<BeaconProposal, ProposalCategory> categories = new TreeMap<>();
    private final Map<BeaconProposal, BigInteger> margins = new TreeMap<>();
    private final Map<NodeId, List<BeaconProposal>> firstRoundLists = new HashMap<>();
    private final Set<NodeId> proposed = new HashSet<>();
    private final Map<NodeId, Set<Long>> voted = new HashMap<>();

    /** Whether {@code node} had not proposed yet (and now has). */
    boolean registerProposed(NodeId node) {
        return proposed.add(node);
    }

    /** Whether {@code node} had not voted in {@code round} yet (and now has). */
    boolean registerVoted(NodeId node, long round) {
        return voted.computeIfAbsent(node, k -> new HashSet<>()).add(round);
    }

    /** Records a classified proposal; as in the reference its margin (re)starts at zero. */
    void addProposal(BeaconProposal proposal, ProposalCategory category) {
        categories.put(proposal, category);
        margins.put(proposal, BigInteger.ZERO);
    }

    List<BeaconProposal> proposals(ProposalCategory category) {
        List<BeaconProposal> out = new ArrayList<>();
        categories.forEach((p, c) -> {
            if (c == category) {
                out.add(p);
            }
        });
        return out; // sorted: the map is
    }

    ProposalCategory category(BeaconProposal proposal) {
        return categories.get(proposal);
    }

    /** Adds (support) or subtracts (against) {@code weight}; votes on proposals this node never received are dropped. */
    void vote(BeaconProposal proposal, boolean support, BigInteger weight) {
        margins.computeIfPresent(proposal, (p, m) -> support ? m.add(weight) : m.subtract(weight));
    }

    void setFirstRoundList(NodeId node, List<BeaconProposal> list) {
        firstRoundLists.put(node, List.copyOf(list));
    }

    List<BeaconProposal> firstRoundList(NodeId node) {
        return firstRoundLists.get(node);
    }

    /** The running margin of every known proposal, in proposal order (for the operator's end-of-epoch line). */
    Map<BeaconProposal, BigInteger> margins() {
        return Collections.unmodifiableMap(margins);
    }

    /** How many identities' first-round lists this node holds (their following votes can count). */
    int firstRoundVoters() {
        return firstRoundLists.size();
    }

    /** This node's opinion after a round: support at margin ≥ thr, against at ≤ −thr, otherwise undecided. */
    Opinion opinion(BigInteger threshold) {
        Set<BeaconProposal> support = new HashSet<>();
        Set<BeaconProposal> against = new HashSet<>();
        List<BeaconProposal> undecided = new ArrayList<>();
        BigInteger negative = threshold.negate();
        margins.forEach((p, m) -> {
            if (m.compareTo(threshold) >= 0) {
                support.add(p);
            } else if (m.compareTo(negative) <= 0) {
                against.add(p);
            } else {
                undecided.add(p);
            }
        });
        return new Opinion(Set.copyOf(support), List.copyOf(undecided));
    }

    /** The supported proposals and those left to the weak coin (against is implied: every other proposal). */
    record Opinion(Set<BeaconProposal> support, List<BeaconProposal> undecided) {
        static final Opinion NONE = new Opinion(Set.of(), List.of());

        /** The coin decides the undecided: all join support on 1, all stay out on 0. */
        Opinion withCoin(boolean coin) {
            if (!coin || undecided.isEmpty()) {
                return new Opinion(support, List.of());
            }
            Set<BeaconProposal> s = new HashSet<>(support);
            s.addAll(undecided);
            return new Opinion(Set.copyOf(s), List.of());
        }
    }
}
