package io.smnode.vm.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Address;
import io.smnode.core.types.TxId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transaction order. No Go-generated order vector exists in testdata, so the draws are checked against Go's
 * documented int31n/Shuffle algorithm applied by hand to the published MT19937-64 outputs, and the walk by its rules.
 */
class BlockTxOrderTest {
    private static final long[] KEY = {0x12345L, 0x23456L, 0x34567L, 0x45678L};

    /** Go: v = uint32(Int63() >> 31); prod = v * n; (no rejection when uint32(prod) >= n); j = prod >> 32. */
    private static long goDraw(String publishedOutput, long n) {
        BigInteger out = new BigInteger(publishedOutput).and(BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE));
        BigInteger v = out.shiftRight(31).and(BigInteger.valueOf(0xffffffffL));
        BigInteger prod = v.multiply(BigInteger.valueOf(n));
        assertTrue(prod.and(BigInteger.valueOf(0xffffffffL)).longValue() >= n, "no rejection in this example");
        return prod.shiftRight(32).longValue();
    }

    @Test
    void int31nIsGosMultiplyShiftOverTheTopBitsOfInt63() {
        Mt19937x64 g = Mt19937x64.seededByArray(KEY);
        assertEquals(goDraw("7266447313870364031", 10), GoShuffle.int31n(g, 10));
        assertEquals(goDraw("4946485549665804864", 1000), GoShuffle.int31n(g, 1000));
        assertEquals(goDraw("16945909448695747420", 7), GoShuffle.int31n(g, 7));
    }

    @Test
    void shuffleSwapsFromTheEndWithGoDraws() {
        List<Integer> list = new ArrayList<>(List.of(0, 1, 2, 3));
        GoShuffle.shuffle(Mt19937x64.seededByArray(KEY), list);
        List<Integer> expected = new ArrayList<>(List.of(0, 1, 2, 3));
        String[] outputs = {"7266447313870364031", "4946485549665804864", "16945909448695747420"};
        for (int i = 3, k = 0; i > 0; i--, k++) {
            int j = (int) goDraw(outputs[k], i + 1);
            Integer tmp = expected.get(i);
            expected.set(i, expected.get(j));
            expected.set(j, tmp);
        }
        assertEquals(expected, list);
    }

    @Test
    void seedWordsAreLittleEndianWithAShortLastWord() {
        byte[] seed = new byte[10];
        seed[0] = 0x01;
        seed[7] = (byte) 0x80;
        seed[8] = 0x02;
        seed[9] = 0x03;
        assertArrayEquals(new long[] {0x8000000000000001L, 0x0302L}, BlockTxOrder.seedWords(seed));
    }

    private static TxId id(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) (i * 37);
        b[31] = (byte) i;
        return TxId.of(b);
    }

    private static Address addr(int i) {
        byte[] b = new byte[24];
        b[23] = (byte) i;
        return Address.of(b);
    }

    @Test
    void orderIsAPermutationKeepingEachPrincipalsNoncesAscendingAndIsDeterministic() {
        List<OrderCandidate> kept = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            kept.add(new OrderCandidate(id(i), addr(i % 4), 100 - i, 1));
        }
        byte[] seed = new byte[32];
        seed[3] = 9;
        List<TxId> ordered = BlockTxOrder.order(seed, kept);
        assertEquals(40, new HashSet<>(ordered).size());
        List<OrderCandidate> reversed = new ArrayList<>(kept);
        Collections.reverse(reversed);
        assertEquals(ordered, BlockTxOrder.order(seed, reversed));
        Map<TxId, OrderCandidate> byId = new HashMap<>();
        kept.forEach(c -> byId.put(c.id(), c));
        Map<Address, Long> lastNonce = new HashMap<>();
        for (TxId t : ordered) {
            OrderCandidate c = byId.get(t);
            Long prev = lastNonce.put(c.principal(), c.nonce());
            assertTrue(prev == null || prev < c.nonce(), "nonces ascend per principal");
        }
        seed[3] = 10;
        assertTrue(!ordered.equals(BlockTxOrder.order(seed, kept)), "another seed gives another order");
    }

    @Test
    void pruningStopsBelowOneGasAndWrapsOnOversizedTransactions() {
        List<OrderCandidate> txs = List.of(new OrderCandidate(id(1), addr(1), 0, 60),
                new OrderCandidate(id(2), addr(2), 0, 40), new OrderCandidate(id(3), addr(3), 0, 5));
        // 100 - 60 = 40, 40 - 40 = 0 < 1: the third is dropped.
        assertEquals(txs.subList(0, 2), BlockTxOrder.pruneByGas(txs, 100));
        // 50 - 60 wraps to 2^64 - 10, so everything after still fits: the reference's unchecked subtraction.
        assertEquals(txs, BlockTxOrder.pruneByGas(txs, 50));
        assertEquals(txs, BlockTxOrder.pruneByGas(txs, 0), "limit 0 disables pruning");
    }
}
