package io.smnode.persistence.atx;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.persistence.CorruptDataException;
import io.smnode.persistence.Reads;
import io.smnode.persistence.WriteBatch;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.PoetProofMessage;
import io.smnode.poet.ProofException;
import io.smnode.poet.RoundProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The PoET round proofs this node holds, so that ATXs referring to them validate after a restart too: those fetched
 * from its own PoET with their members ({@link AtxTables#POET_PROOFS}), and every proof as the message go-spacemesh
 * keeps and serves to peers ({@link AtxTables#POET_MESSAGES}; a proof fetched from a peer comes without members).
 * Membership is checked against the round's statement, the root of its members. {@link #keep} returns the batch for
 * the node's single storage writer: the port that fetched a proof hands it to the builder only once that batch is
 * committed, so the ATX built on it validates.
 */
public final class StoredPoetProofs implements PoetMembershipCheck {
    private final Reads store;

    public StoredPoetProofs(Reads store) {
        this.store = store;
    }

    /**
     * The write that keeps {@code proof} of the PoET whose public key is {@code poetServiceId} under its reference,
     * with its members and as the message peers are served; keeping it again changes nothing.
     */
    public static WriteBatch keep(RoundProof proof, Bytes poetServiceId) {
        Hash32 ref = proof.proof().ref();
        return WriteBatch.builder().put(AtxTables.POET_PROOFS, ref, proof)
                .put(AtxTables.POET_MESSAGES, ref, encode(message(proof, poetServiceId))).build();
    }

    /** The write that keeps a proof message fetched from a peer (and judged valid) under its proof's reference. */
    public static WriteBatch keep(PoetProofMessage message) {
        return WriteBatch.builder().put(AtxTables.POET_MESSAGES, message.proof().ref(), encode(message)).build();
    }

    /**
     * A finished round as go-spacemesh's PoET client turns it into the message it stores (activation/poet.go
     * {@code Proof}): the proof, the PoET's key, the round id, the statement, and an empty signature.
     */
    public static PoetProofMessage message(RoundProof proof, Bytes poetServiceId) {
        return new PoetProofMessage(proof.proof(), poetServiceId, proof.roundId(),
                Hash32.of(proof.statement().toByteArray()), Signature.of(new byte[Signature.LENGTH]));
    }

    private static Bytes encode(PoetProofMessage m) {
        return Bytes.wrap(Scale.encode(PoetProofMessage.CODEC, m));
    }

    /** A round fetched from the node's own PoET, with its members. */
    public Optional<RoundProof> proof(Hash32 poetRef) {
        return store.get(AtxTables.POET_PROOFS, poetRef);
    }

    /**
     * The stored message of a proof: the bytes a peer asking for it by reference is served (a round kept before
     * messages were stored is served with an empty service id).
     */
    public Optional<Bytes> messageBytes(Hash32 poetRef) {
        return store.get(AtxTables.POET_MESSAGES, poetRef).or(() -> proof(poetRef).map(p -> encode(message(p,
                Bytes.EMPTY))));
    }

    /** The proof under {@code poetRef} as a message, whichever way it came; one that does not decode is corrupt. */
    public Optional<PoetProofMessage> message(Hash32 poetRef) {
        return messageBytes(poetRef).map(bytes -> {
            try {
                return Scale.decode("PoetProofMessage", PoetProofMessage.CODEC, bytes.toByteArray());
            } catch (ScaleException e) {
                throw new CorruptDataException("the PoET proof message " + poetRef.hex() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public OptionalLong leafCount(Hash32 poetRef) {
        return message(poetRef).map(p -> OptionalLong.of(p.proof().leafCount())).orElseGet(OptionalLong::empty);
    }

    @Override
    public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
        return message(poetRef).map(p -> isMember(statement(p), challengeHash, path)).orElse(false);
    }

    @Override
    public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                              List<Hash32> nodes) {
        return message(poetRef).map(p -> areMembers(statement(p), sortedLeafIndices, challengeHashes, nodes))
                .orElse(false);
    }

    /** The root of the round's membership tree, as the member checks take it. */
    public static Bytes statement(PoetProofMessage message) {
        return Bytes.of(message.statement().toByteArray());
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
