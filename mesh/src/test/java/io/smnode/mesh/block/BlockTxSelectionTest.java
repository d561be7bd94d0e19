package io.smnode.mesh.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.vm.order.OrderCandidate;
import io.smnode.vm.tx.TxHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules that pick which candidates reach the ordering (the reference's throw-away conservative cache). */
class BlockTxSelectionTest {
    private static final Address ALICE = Address.ofHex("00000000" + "a1".repeat(20));
    private static final Address TEMPLATE = Address.ofHex("00".repeat(23) + "01");
    private static final byte[] SEED = Blake3.hash("seed".getBytes()).toByteArray();

    private int next;

    private BlockTxSelection.Candidate tx(long nonce, long gasPrice, long maxSpend, boolean applied) {
        byte[] id = new byte[32];
        id[0] = (byte) (next >> 8);
        id[1] = (byte) next++;
        TxHeader h = new TxHeader(ALICE, TEMPLATE, 16, nonce, gasPrice, 1000, maxSpend);
        return new BlockTxSelection.Candidate(new KnownTx(TxId.of(id), Optional.of(h), applied), h);
    }

    private static List<TxId> kept(List<BlockTxSelection.Candidate> candidates) {
        return BlockTxSelection.select(candidates, SEED).stream().map(OrderCandidate::id).toList();
    }

    private static List<TxId> ids(BlockTxSelection.Candidate... cs) {
        return Arrays.stream(cs).map(c -> c.tx().id()).toList();
    }

    @Test
    void theHigherFeeWinsANonceAndAnEqualFeeGoesToTheLowerSeededHash() {
        var cheap = tx(0, 1, 0, false);
        var dear = tx(0, 2, 0, false);
        assertEquals(ids(dear), kept(List.of(cheap, dear)));
        var x = tx(1, 1, 0, false);
        var y = tx(1, 1, 5, false); // fee is max gas × price only: a larger spend does not matter
        byte[] hx = Blake3.hash(SEED, x.tx().id().toByteArray()).toByteArray();
        byte[] hy = Blake3.hash(SEED, y.tx().id().toByteArray()).toByteArray();
        var winner = Arrays.compareUnsigned(hx, hy) < 0 ? x : y;
        assertEquals(ids(winner), kept(List.of(x, y)));
        assertEquals(ids(winner), kept(List.of(y, x)));
    }

    @Test
    void aNonceWithNothingAffordableIsSkippedNotAStop() {
        // balance starts at 2^64−1; the first spend leaves 1, so nonce 1 (spending 5) is skipped and nonce 2 fits
        var first = tx(0, 0, -2L, false);
        var unaffordable = tx(1, 0, 5, false);
        var fits = tx(2, 0, 1, false);
        assertEquals(ids(first, fits), kept(List.of(first, unaffordable, fits)));
    }

    @Test
    void atMostOneHundredNoncesPerAccountAndOneHundredCandidatesPerNonce() {
        List<BlockTxSelection.Candidate> many = new ArrayList<>();
        for (int n = 0; n < 101; n++) {
            many.add(tx(n, 1, 0, false));
        }
        assertEquals(ids(many.subList(0, 100).toArray(BlockTxSelection.Candidate[]::new)), kept(many));
        List<BlockTxSelection.Candidate> sameNonce = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sameNonce.add(tx(0, 1, 0, false));
        }
        var lateButBest = tx(0, 9, 0, false);
        sameNonce.add(lateButBest);
        assertEquals(1, kept(sameNonce).size());
        assertFalse(kept(sameNonce).contains(lateButBest.tx().id()));
    }

    @Test
    void onlyLeadingAlreadyAppliedTransactionsAreDropped() {
        var a0 = tx(0, 1, 0, true);
        var a1 = tx(1, 1, 0, false);
        var a2 = tx(2, 1, 0, true);
        assertEquals(ids(a1, a2), kept(List.of(a0, a1, a2)));
    }

    /** By hand: BLAKE3 over the ids sorted ascending, each followed by 12 zero bytes. */
    @Test
    void theSeedHashesTheSortedProposalIdsWidenedTo32Bytes() {
        ProposalId low = ProposalId.ofHex("01".repeat(20));
        ProposalId high = ProposalId.ofHex("02".repeat(20));
        byte[] expected = Blake3.hash(low.bytes32(), high.bytes32()).toByteArray();
        assertEquals(Arrays.toString(expected), Arrays.toString(BlockGenerator.seed(List.of(high, low))));
    }
}
