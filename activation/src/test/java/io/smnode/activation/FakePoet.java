package io.smnode.activation;

import io.smnode.core.types.Hash32;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** PoET proofs by reference: a leaf count and the challenge hashes that are members (paths are not checked). */
public final class FakePoet implements PoetMembershipCheck {
    private final Map<Hash32, Long> leafCounts = new HashMap<>();
    private final Map<Hash32, Set<Hash32>> members = new HashMap<>();

    public FakePoet round(Hash32 ref, long leafCount) {
        leafCounts.put(ref, leafCount);
        members.putIfAbsent(ref, new HashSet<>());
        return this;
    }

    public FakePoet member(Hash32 ref, Hash32 challengeHash) {
        members.computeIfAbsent(ref, r -> new HashSet<>()).add(challengeHash);
        return this;
    }

    @Override
    public OptionalLong leafCount(Hash32 poetRef) {
        Long n = leafCounts.get(poetRef);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    @Override
    public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
        return members.getOrDefault(poetRef, Set.of()).contains(challengeHash);
    }

    @Override
    public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                              List<Hash32> nodes) {
        return sortedLeafIndices.length == challengeHashes.size()
                && members.getOrDefault(poetRef, Set.of()).containsAll(challengeHashes);
    }
}
