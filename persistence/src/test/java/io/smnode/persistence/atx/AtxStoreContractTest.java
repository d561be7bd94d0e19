package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.PoetProof;
import io.smnode.poet.RoundProof;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The ATX and PoET-proof storage contract, run against each store implementation: what validation reads back is
 * what the handler stored, the declared units come from the ATX's own bytes, only an initial ATX records a
 * commitment, and both survive reopening the store.
 */
abstract class AtxStoreContractTest {
    static final Schema SCHEMA = Schema.of(1, AtxTables.ALL);
    private static final Bytes PREFIX = Bytes.ofHex("00112233445566778899aabbccddeeff00112233");
    private static final AtxId GOLDEN = AtxId.ofHex("ab".repeat(32));
    private static final AtxId COMMITMENT = AtxId.ofHex("cd".repeat(32));

    /** Opens the store under test at its location; opening again after closing is a reopen. */
    protected abstract Store open(Schema schema);

    @Test
    void unknownAtxIsAbsent() {
        try (Store store = open(SCHEMA)) {
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            AtxId id = AtxId.ofHex("11".repeat(32));
            assertFalse(atxs.contains(id));
            assertEquals(Optional.empty(), atxs.atx(id));
            assertEquals(Optional.empty(), atxs.commitmentOf(signer(1).nodeId()));
        }
    }

    @Test
    void initialAtxIsReadBackWithItsCommitment() {
        try (Store store = open(SCHEMA)) {
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            ActivationTxV1 atx = atx(signer(1), EpochId.of(2), 0, AtxId.ZERO, Optional.of(COMMITMENT), 4);
            // Effective units (3) differ from the declared ones (4): the store keeps the declared.
            AtxHeader header = header(atx, 3, 40, 7);
            store.write(atxs.put(atx, header));

            assertTrue(atxs.contains(atx.id()));
            assertEquals(Optional.of(new StoredAtx(atx.smesherId(), EpochId.of(2), 0, 4, 7, 40)), atxs.atx(atx.id()));
            assertEquals(Optional.of(COMMITMENT), atxs.commitmentOf(atx.smesherId()));
            assertEquals(Optional.of(Bytes.wrap(atx.encode())), atxs.blob(atx.id()));
        }
    }

    @Test
    void laterAtxRecordsNoCommitment() {
        try (Store store = open(SCHEMA)) {
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            AtxId previous = AtxId.ofHex("22".repeat(32));
            ActivationTxV1 atx = atx(signer(2), EpochId.of(3), 1, previous, Optional.empty(), 2);
            store.write(atxs.put(atx, header(atx, 2, 10, 9)));

            assertTrue(atxs.contains(atx.id()));
            assertEquals(Optional.empty(), atxs.commitmentOf(atx.smesherId()));
        }
    }

    @Test
    void atxsAndProofsSurviveReopen() {
        ActivationTxV1 atx = atx(signer(3), EpochId.of(2), 0, AtxId.ZERO, Optional.of(COMMITMENT), 1);
        RoundProof round = round(List.of(leaf(1), leaf(2), leaf(3)), 150);
        try (Store store = open(SCHEMA)) {
            store.write(new LmdbAtxStore(store).put(atx, header(atx, 1, 5, 1)));
            store.write(StoredPoetProofs.keep(round, Bytes.EMPTY));
        }
        try (Store store = open(SCHEMA)) {
            assertEquals(Optional.of(COMMITMENT), new LmdbAtxStore(store).commitmentOf(atx.smesherId()));
            assertTrue(new LmdbAtxStore(store).contains(atx.id()));
            assertEquals(Optional.of(round), new StoredPoetProofs(store).proof(round.proof().ref()));
        }
    }

    @Test
    void poetMembershipIsCheckedAgainstTheKeptRoundsStatement() {
        try (Store store = open(SCHEMA)) {
            StoredPoetProofs proofs = new StoredPoetProofs(store);
            List<Bytes> members = List.of(leaf(1), leaf(2), leaf(3));
            RoundProof round = round(members, 300);
            Hash32 ref = round.proof().ref();
            assertEquals(OptionalLong.empty(), proofs.leafCount(ref));
            assertFalse(proofs.isMember(ref, Hash32.of(leaf(2).toByteArray()), path(members, 1)));

            store.write(StoredPoetProofs.keep(round, Bytes.EMPTY));

            assertEquals(OptionalLong.of(300), proofs.leafCount(ref));
            assertTrue(proofs.isMember(ref, Hash32.of(leaf(2).toByteArray()), path(members, 1)));
            // The right path for another leaf, or another leaf on this path, proves nothing.
            assertFalse(proofs.isMember(ref, Hash32.of(leaf(2).toByteArray()), path(members, 0)));
            assertFalse(proofs.isMember(ref, Hash32.of(leaf(9).toByteArray()), path(members, 1)));
        }
    }

    @Test
    void aKeptRoundIsServedAsGoSpacemeshsPoetProofMessage() {
        try (Store store = open(SCHEMA)) {
            List<Bytes> members = List.of(leaf(1), leaf(2));
            RoundProof round = round(members, 300);
            store.write(StoredPoetProofs.keep(round, Bytes.wrap(new byte[] {1, 2, 3})));
            // PoetProof{MerkleProof{Root, ProvenLeaves, ProofNodes}, LeafCount}, PoetServiceID, RoundID, Statement,
            // Signature (empty): SCALE, byte slices with compact lengths, LeafCount compact.
            String root = MembershipTree.root(members).hex();
            String expected = "80" + root + "04" + "80" + leaf(7).hex() + "04" + "80" + leaf(8).hex() + "b104"
                    + "0c010203" + "0435" + root + "00".repeat(64);
            assertEquals(Optional.of(Bytes.ofHex(expected)), new StoredPoetProofs(store).messageBytes(
                    round.proof().ref()));
            // A round kept before messages were (its members only): served with an empty service id.
            RoundProof older = round(List.of(leaf(4)), 300);
            store.write(WriteBatch.builder().put(AtxTables.POET_PROOFS, older.proof().ref(), older).build());
            String olderRoot = MembershipTree.root(List.of(leaf(4))).hex();
            assertEquals(Optional.of(Bytes.ofHex("80" + olderRoot + "04" + "80" + leaf(7).hex() + "04" + "80"
                    + leaf(8).hex() + "b104" + "00" + "0435" + olderRoot + "00".repeat(64))),
                    new StoredPoetProofs(store).messageBytes(older.proof().ref()));
        }
    }

    @Test
    void aProofMessageFetchedFromAPeerServesTheMembershipChecksWithoutMembers() {
        try (Store store = open(SCHEMA)) {
            StoredPoetProofs proofs = new StoredPoetProofs(store);
            List<Bytes> members = List.of(leaf(1), leaf(2), leaf(3));
            RoundProof round = round(members, 300);
            Hash32 ref = round.proof().ref();
            store.write(StoredPoetProofs.keep(StoredPoetProofs.message(round, Bytes.EMPTY)));

            assertEquals(Optional.empty(), proofs.proof(ref), "no members came with it");
            assertEquals(OptionalLong.of(300), proofs.leafCount(ref));
            assertTrue(proofs.isMember(ref, Hash32.of(leaf(3).toByteArray()), path(members, 2)));
            assertFalse(proofs.isMember(ref, Hash32.of(leaf(3).toByteArray()), path(members, 1)));
            assertEquals(Optional.of(StoredPoetProofs.message(round, Bytes.EMPTY)), proofs.message(ref));
        }
    }

    private static MerkleProofV1 path(List<Bytes> members, int index) {
        MembershipProof proof = MembershipTree.proof(members, index);
        return new MerkleProofV1(proof.nodes(), proof.leafIndex());
    }

    private static RoundProof round(List<Bytes> members, long leaves) {
        MerkleProof merkle = new MerkleProof(MembershipTree.root(members), List.of(leaf(7)), List.of(leaf(8)));
        return new RoundProof(5, new PoetProof(merkle, leaves), members);
    }

    private static Bytes leaf(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return Bytes.wrap(b);
    }

    private static EdSigner signer(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return EdSigner.fromSeed(bytes, PREFIX);
    }

    private static ActivationTxV1 atx(EdSigner signer, EpochId publish, long sequence, AtxId previous,
                                      Optional<AtxId> commitment, long numUnits) {
        NIPostChallengeV1 challenge = new NIPostChallengeV1(publish, sequence, previous, GOLDEN, commitment,
                Optional.empty());
        InnerActivationTxV1 inner = new InnerActivationTxV1(challenge, Address.ZERO, numUnits, Optional.empty(),
                Optional.empty(), Optional.of(7L));
        return ActivationTxV1.sign(inner, signer);
    }

    private static AtxHeader header(ActivationTxV1 atx, long effectiveUnits, long tickHeight, long vrfNonce) {
        return new AtxHeader(atx.id(), atx.challenge().publishEpoch(), atx.challenge().sequence(),
                atx.challenge().commitmentAtx().orElse(COMMITMENT), Address.ZERO, effectiveUnits, 0, tickHeight,
                vrfNonce, atx.smesherId(), effectiveUnits * tickHeight, AtxHeader.Validity.VALID);
    }
}
