package io.smnode.hare;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The proposals a node puts in its preround message (spec 04 §8, the reference's {@code selectProposals}): those
 * of the layer's stored proposals that are not from malicious smeshers or malicious ballots, not from an ATX
 * with more than one proposal in the layer, whose ATX's base tick height is below the lowest tick height among
 * the node's own ATXs of the epoch, and that carry the session's beacon.
 */
public final class InitialSet {
    /** A stored proposal of the layer, with what the selection looks at. */
    public record Candidate(ProposalId id, NodeId smesher, AtxId atx, boolean ballotMalicious, Beacon beacon) {
        public Candidate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(smesher, "smesher");
            Objects.requireNonNull(atx, "atx");
            Objects.requireNonNull(beacon, "beacon");
        }
    }

    private InitialSet() {}

    /**
     * @param ownAtxHeights tick heights (uint64) of the local signers' ATXs targeting the layer's epoch; signers
     *     without one are left out. None at all gives the empty set: the node has no height to vote below.
     * @param baseHeightOf the base tick height (uint64) of a candidate's ATX; empty when that ATX is not loaded,
     *     which, as in the reference, gives the empty set rather than a guess
     * @return the selected ids in ascending order (the reference's order is its store's map order, which peers
     *     never depend on: tallies are per id)
     */
    public static List<ProposalId> select(List<Candidate> candidates, List<Long> ownAtxHeights,
            Function<AtxId, OptionalLong> baseHeightOf, Predicate<NodeId> maliciousSmesher, Beacon sessionBeacon) {
        if (ownAtxHeights.isEmpty()) {
            return List.of();
        }
        long minHeight = ownAtxHeights.get(0);
        for (long h : ownAtxHeights) {
            if (Long.compareUnsigned(h, minHeight) < 0) {
                minHeight = h;
            }
        }
        Map<AtxId, Integer> perAtx = new HashMap<>();
        candidates.forEach(c -> perAtx.merge(c.atx(), 1, Integer::sum));
        List<ProposalId> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (maliciousSmesher.test(c.smesher()) || c.ballotMalicious() || perAtx.get(c.atx()) > 1) {
                continue;
            }
            OptionalLong baseHeight = baseHeightOf.apply(c.atx());
            if (baseHeight.isEmpty()) {
                return List.of();
            }
            // A proposal whose ATX builds on a height this node has not reached votes for the future: skip it.
            if (Long.compareUnsigned(baseHeight.getAsLong(), minHeight) >= 0) {
                continue;
            }
            if (c.beacon().equals(sessionBeacon)) {
                out.add(c.id());
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }
}
