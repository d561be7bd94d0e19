package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.poet.ProofException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prover → verifier over a few thousand leaves with T = 150, and every single tampering refused with its reason. */
class PoswRoundTripTest {
    private static final Bytes STATEMENT = Bytes.wrap("round trip statement".getBytes(StandardCharsets.US_ASCII));
    private static final long LEAVES = 3000;
    private static PoetProof proof;

    @BeforeAll
    static void prove() {
        PoswProver prover = PoswProver.start(STATEMENT, new MemoryTreeStore());
        prover.addLeaves(LEAVES);
        proof = prover.proof();
    }

    @Test
    void honestProofVerifies() {
        assertEquals(LEAVES, proof.leafCount());
        assertEquals(150, proof.merkleProof().provenLeaves().size());
        assertEquals(30, proof.ticks(100));
        assertEquals(0, proof.ticks(9_331_200));
        assertDoesNotThrow(() -> PoetVerifier.verify(proof.merkleProof(), STATEMENT, LEAVES));
    }

    @Test
    void scaleRoundTripAndReference() throws Exception {
        byte[] wire = Scale.encode(PoetProof.CODEC, proof);
        assertEquals(proof, Scale.decode(PoetProof.CODEC, wire));
        // Layout of spec 09 §5: 0x80 || root || compact(150) = 0x5902 || 150 × (0x80 || leaf) ...
        assertEquals(0x80, wire[0] & 0xff);
        assertEquals(0x59, wire[33] & 0xff);
        assertEquals(0x02, wire[34] & 0xff);
        assertEquals(Blake3.hash(wire), proof.ref());
    }

    @Test
    void decoderRefusesWhatGoRefuses() {
        byte[] wire = Scale.encode(PoetProof.CODEC, proof);
        // 151 proven leaves: compact(151) = 0x5d02 where compact(150) = 0x5902.
        byte[] tooMany = wire.clone();
        tooMany[33] = 0x5d;
        assertEquals(ScaleException.Reason.TOO_LONG,
                assertThrows(ScaleException.class, () -> Scale.decode(PoetProof.CODEC, tooMany)).reason());
        // A 33-byte root.
        byte[] longRoot = wire.clone();
        longRoot[0] = (byte) 0x84;
        assertEquals(ScaleException.Reason.TOO_LONG,
                assertThrows(ScaleException.class, () -> Scale.decode(PoetProof.CODEC, longRoot)).reason());
        assertEquals(ScaleException.Reason.TRUNCATED, assertThrows(ScaleException.class,
                () -> Scale.decode(PoetProof.CODEC, Arrays.copyOf(wire, wire.length - 1))).reason());
    }

    @Test
    void proofMessageRoundTrip() throws Exception {
        PoetProofMessage m = new PoetProofMessage(proof, Bytes.wrap(new byte[32]), "7",
                Hash32.of(new byte[32]), Signature.of(new byte[64]));
        byte[] wire = Scale.encode(PoetProofMessage.CODEC, m);
        assertEquals(m, Scale.decode(PoetProofMessage.CODEC, wire));
        // The envelope starts with the proof's own bytes: the reference is over those alone.
        byte[] inner = Scale.encode(PoetProof.CODEC, proof);
        assertArrayEquals(inner, Arrays.copyOf(wire, inner.length));
        assertEquals(inner.length + 33 + 2 + 32 + 64, wire.length);
    }

    @Test
    void tamperedLeafIsRefused() {
        List<Bytes> leaves = new ArrayList<>(proof.merkleProof().provenLeaves());
        leaves.set(17, flip(leaves.get(17)));
        MerkleProof bad = new MerkleProof(proof.merkleProof().root(), leaves, proof.merkleProof().proofNodes());
        assertReason(Reason.ROOT_MISMATCH, bad, STATEMENT, LEAVES);
    }

    @Test
    void tamperedProofNodeIsRefused() {
        List<Bytes> nodes = new ArrayList<>(proof.merkleProof().proofNodes());
        nodes.set(nodes.size() / 2, flip(nodes.get(nodes.size() / 2)));
        MerkleProof bad = new MerkleProof(proof.merkleProof().root(), proof.merkleProof().provenLeaves(), nodes);
        assertReason(Reason.ROOT_MISMATCH, bad, STATEMENT, LEAVES);
    }

    @Test
    void droppedProofNodeIsRefused() {
        List<Bytes> nodes = new ArrayList<>(proof.merkleProof().proofNodes());
        nodes.remove(nodes.size() - 1);
        MerkleProof bad = new MerkleProof(proof.merkleProof().root(), proof.merkleProof().provenLeaves(), nodes);
        assertReason(Reason.ROOT_MISMATCH, bad, STATEMENT, LEAVES);
    }

    @Test
    void tamperedRootIsRefused() {
        MerkleProof bad = new MerkleProof(flip(proof.merkleProof().root()), proof.merkleProof().provenLeaves(),
                proof.merkleProof().proofNodes());
        assertReason(Reason.ROOT_MISMATCH, bad, STATEMENT, LEAVES);
    }

    @Test
    void wrongLeafCountIsRefused() {
        assertReason(Reason.ROOT_MISMATCH, proof.merkleProof(), STATEMENT, LEAVES + 1);
        // Fewer leaves than T: Fiat–Shamir yields fewer indices than proven leaves.
        assertReason(Reason.INDEX_COUNT_MISMATCH, proof.merkleProof(), STATEMENT, 100);
    }

    @Test
    void wrongStatementIsRefused() {
        assertReason(Reason.ROOT_MISMATCH, proof.merkleProof(), flip(STATEMENT), LEAVES);
    }

    @Test
    void wrongProvenLeafCountIsRefused() {
        List<Bytes> leaves = new ArrayList<>(proof.merkleProof().provenLeaves());
        leaves.remove(0);
        MerkleProof bad = new MerkleProof(proof.merkleProof().root(), leaves, proof.merkleProof().proofNodes());
        assertReason(Reason.WRONG_PROVEN_LEAF_COUNT, bad, STATEMENT, LEAVES);
    }

    @Test
    void consistentTreeOfWrongLabelsIsRefused() {
        // A tree built from labels that ignore the DAG rule: the Merkle part is sound, the labels are not.
        PoswHashes h = new PoswHashes(STATEMENT.toByteArray());
        MemoryTreeStore store = new MemoryTreeStore();
        IncrementalTree tree = new IncrementalTree(h, store);
        for (long i = 0; i < 200; i++) {
            tree.add(h.hash(new byte[] {(byte) i}, new byte[0]));
        }
        long[] idx = FiatShamir.indices(tree.root(), 200, FiatShamir.T);
        List<byte[]> leaves = new ArrayList<>();
        for (long i : idx) {
            leaves.add(store.read(0, i));
        }
        MerkleProof forged = new MerkleProof(Bytes.of(tree.root()), MerkleProof.wrap(leaves),
                MerkleProof.wrap(ProofNodes.generate(new PaddedTree(store, h, 200), 200, idx)));
        assertReason(Reason.LABEL_MISMATCH, forged, STATEMENT, 200);
    }

    @Test
    void hostileShapesAreTypedErrors() {
        MerkleProof empty = new MerkleProof(Bytes.EMPTY, List.of(), List.of());
        assertReason(Reason.WRONG_PROVEN_LEAF_COUNT, empty, STATEMENT, LEAVES);
        assertReason(Reason.INDEX_COUNT_MISMATCH, proof.merkleProof(), STATEMENT, 0);
        // Thousands of extra nodes climb far above height 64 without an exception.
        List<Bytes> nodes = new ArrayList<>(proof.merkleProof().proofNodes());
        for (int i = 0; i < 5000; i++) {
            nodes.add(Bytes.wrap(new byte[i % 33]));
        }
        MerkleProof tall = new MerkleProof(proof.merkleProof().root(), proof.merkleProof().provenLeaves(), nodes);
        assertReason(Reason.ROOT_MISMATCH, tall, STATEMENT, -1L);
    }

    @Test
    void fileStoreGivesTheSameProofAndResumes(@TempDir Path dir) {
        try (FileTreeStore store = new FileTreeStore(dir)) {
            PoswProver prover = PoswProver.start(STATEMENT, store);
            prover.addLeaves(1234);
            prover.checkpoint();
            // Leaves written after the checkpoint are lost in a crash; resume recomputes them.
            prover.addLeaves(17);
        }
        try (FileTreeStore store = new FileTreeStore(dir)) {
            PoswProver resumed = PoswProver.resume(STATEMENT, store, 1234);
            resumed.addLeaves(LEAVES - 1234);
            assertArrayEquals(proof.merkleProof().root().toByteArray(), resumed.root());
            assertEquals(proof, resumed.proof());
        }
    }

    private static Bytes flip(Bytes b) {
        byte[] a = b.toByteArray();
        a[0] ^= 1;
        return Bytes.wrap(a);
    }

    private static void assertReason(Reason expected, MerkleProof p, Bytes statement, long leaves) {
        ProofException e = assertThrows(ProofException.class, () -> PoetVerifier.verify(p, statement, leaves));
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
