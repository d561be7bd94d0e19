package io.smnode.hare;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.ProposalId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Operations on proposal sets as the protocol compares them. */
public final class ProposalSets {
    private ProposalSets() {}

    /**
     * The reference to a set: BLAKE3 of the ids in the order given, each widened to 32 bytes (the reference's
     * {@code CalcProposalHash32Presorted}; it never re-sorts, so an unsorted list has its own hash).
     */
    public static Hash32 hash(List<ProposalId> proposals) {
        Blake3 hasher = new Blake3();
        for (ProposalId id : proposals) {
            hasher.update(id.bytes32());
        }
        return hasher.digest32();
    }

    /** Whether every id of {@code subset} is in {@code superset}. */
    public static boolean isSubset(List<ProposalId> subset, List<ProposalId> superset) {
        Set<ProposalId> all = new HashSet<>(superset);
        return all.containsAll(subset);
    }
}
