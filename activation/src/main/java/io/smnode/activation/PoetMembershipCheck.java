package io.smnode.activation;

import io.smnode.core.types.Hash32;
import java.util.List;
import java.util.OptionalLong;

/**
 * What ATX validation needs from the PoET proofs the node holds (spec 02 §4 step 8, 09): the port the node
 * implements with the poet module. A proof is known by its reference {@code BLAKE3(SCALE(PoetProof))}.
 */
public interface PoetMembershipCheck {
    /** The number of leaves of PoET proof {@code poetRef}, or empty when that proof is not known (yet). */
    OptionalLong leafCount(Hash32 poetRef);

    /**
     * Whether {@code path} proves {@code challengeHash} to be the leaf at {@code path.leafIndex()} of the membership
     * tree whose root is the statement of known proof {@code poetRef}.
     */
    boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path);

    /**
     * Whether {@code nodes} prove {@code challengeHashes} to be the leaves at {@code sortedLeafIndices} (distinct,
     * ascending, one per hash) of the membership tree of known proof {@code poetRef}: ATX v2's one proof for every
     * identity in a NIPoST (spec 11 §5.2 step 8), checked with the same validator as v1's single path.
     */
    boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes, List<Hash32> nodes);
}
