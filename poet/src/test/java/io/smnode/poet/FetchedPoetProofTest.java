package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PoET proof message served by a peer is accepted only when it decodes, is the proof asked for and proves its
 * statement; each failure is a reject naming its rule.
 */
class FetchedPoetProofTest {
    private static final Hash32 STATEMENT = Blake3.hash(new byte[] {4, 2});
    private static PoetProofMessage message;
    private static Bytes bytes;

    @BeforeAll
    static void prove() {
        PoswProver prover = PoswProver.start(Bytes.of(STATEMENT.toByteArray()), new MemoryTreeStore());
        prover.addLeaves(300);
        message = new PoetProofMessage(prover.proof(), Bytes.of(new byte[32]), "7", STATEMENT,
                Signature.of(new byte[Signature.LENGTH]));
        bytes = Bytes.wrap(Scale.encode(PoetProofMessage.CODEC, message));
    }

    @Test
    void theProofAskedForThatVerifiesIsAccepted() {
        FetchedPoetProof.Judged j = FetchedPoetProof.judge(bytes, message.proof().ref());
        assertTrue(j.verdict().accepted(), j.verdict().toString());
        assertEquals(message, j.message());
    }

    @Test
    void anotherProofThanTheOneAskedForIsRejected() {
        FetchedPoetProof.Judged j = FetchedPoetProof.judge(bytes, Blake3.hash(new byte[] {1}));
        assertEquals(PoetProofRule.WRONG_REF, j.verdict().ruleOrNull());
        assertTrue(j.verdict().rejected());
        assertNull(j.message());
    }

    @Test
    void bytesThatAreNoMessageAreRejected() {
        byte[] cut = bytes.toByteArray();
        FetchedPoetProof.Judged j = FetchedPoetProof.judge(Bytes.wrap(java.util.Arrays.copyOf(cut, cut.length - 3)),
                message.proof().ref());
        assertEquals(PoetProofRule.MALFORMED, j.verdict().ruleOrNull());
        assertTrue(j.verdict().rejected());
    }

    @Test
    void aProofOverAnotherStatementIsRejected() {
        // The same proof claimed for another statement: its reference is unchanged, its work does not verify.
        PoetProofMessage moved = new PoetProofMessage(message.proof(), message.poetServiceId(), message.roundId(),
                Blake3.hash(new byte[] {9}), message.signature());
        FetchedPoetProof.Judged j = FetchedPoetProof.judge(Bytes.wrap(Scale.encode(PoetProofMessage.CODEC, moved)),
                message.proof().ref());
        assertEquals(PoetProofRule.INVALID_PROOF, j.verdict().ruleOrNull());
        assertTrue(j.verdict().rejected());
    }

    @Test
    void aTamperedLeafIsRejected() {
        MerkleProof p = message.proof().merkleProof();
        List<Bytes> leaves = new ArrayList<>(p.provenLeaves());
        byte[] first = leaves.get(0).toByteArray();
        first[0] ^= 1;
        leaves.set(0, Bytes.wrap(first));
        PoetProof tampered = new PoetProof(new MerkleProof(p.root(), leaves, p.proofNodes()),
                message.proof().leafCount());
        PoetProofMessage m = new PoetProofMessage(tampered, message.poetServiceId(), message.roundId(),
                message.statement(), message.signature());
        FetchedPoetProof.Judged j = FetchedPoetProof.judge(Bytes.wrap(Scale.encode(PoetProofMessage.CODEC, m)),
                tampered.ref());
        assertEquals(PoetProofRule.INVALID_PROOF, j.verdict().ruleOrNull());
    }
}
