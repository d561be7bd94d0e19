package io.smnode.persistence.atx;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.persistence.Reads;
import io.smnode.persistence.WriteBatch;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.ProofException;
import io.smnode.poet.RoundProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The PoET round proofs this node fetched, kept in {@link AtxTables#POET_PROOFS} so that ATXs referring to them
 * validate after a restart too. Membership is checked against the round's statement, the root of its members.
 * {@link #keep} returns the batch for the node's single storage writer: the port that fetched a proof hands it
 * to the builder only once that batch is committed, so the ATX built on it validates.
 */
public final class StoredPoetProofs implements PoetMembershipCheck {
    private final Reads store;

    public StoredPoetProofs(Reads store) {
        this.store = store;
    }

    /** The write that keeps {@code proof} under its reference; keeping it again changes nothing. */
    public static WriteBatch keep(RoundProof proof) {
        return WriteBatch.builder().put(AtxTables.POET_PROOFS, proof.proof().ref(), proof).build();
    }

    public Optional<RoundProof> proof(Hash32 poetRef) {
        return store.get(AtxTables.POET_PROOFS, poetRef);
    }

    @Override
    public OptionalLong leafCount(Hash32 poetRef) {
        return proof(poetRef).map(p -> OptionalLong.of(p.proof().leafCount())).orElseGet(OptionalLong::empty);
    }

    @Override
    public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
        return proof(poetRef).map(p -> isMember(p.statement(), challengeHash, path)).orElse(false);
    }

    @Override
    public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                              List<Hash32> nodes) {
        return proof(poetRef).map(p -> areMembers(p.statement(), sortedLeafIndices, challengeHashes, nodes))
                .orElse(false);
    }

    /**
     * Whether {@code path} proves {@code challengeHash} to be a leaf of the membership tree whose root is
     * {@code statement}: the check itself, for whoever holds a round's statement without its store (a validation
     * worker on another cluster member).
     */
    public static boolean isMember(Bytes statement, Hash32 challengeHash, MerkleProofV1 path) {
        try {
            MembershipTree.verify(Bytes.of(challengeHash.toByteArray()),
                    new MembershipProof(path.nodes(), path.leafIndex()), statement);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /** Whether {@code nodes} prove {@code challengeHashes} to be the leaves at {@code sortedLeafIndices} under {@code statement}. */
    public static boolean areMembers(Bytes statement, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                                     List<Hash32> nodes) {
        List<Bytes> leaves = new ArrayList<>(challengeHashes.size());
        challengeHashes.forEach(h -> leaves.add(Bytes.of(h.toByteArray())));
        return MembershipTree.verify(leaves, sortedLeafIndices, nodes, statement);
    }
}
