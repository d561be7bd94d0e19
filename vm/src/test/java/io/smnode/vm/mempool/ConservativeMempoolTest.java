package io.smnode.vm.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.vm.LayerResult;
import io.smnode.vm.order.Mt19937x64;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.template.Methods;
import io.smnode.vm.tx.TxHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conservative mempool's rules, with projections computed by hand. */
class ConservativeMempoolTest {
    private static final Address A = address(1);
    private static final Address B = address(2);
    private static int nextId = 1;

    private static Address address(int i) {
        byte[] b = new byte[24];
        b[23] = (byte) i;
        return Address.of(b);
    }

    /** A spend with max gas 10: fee = 10 * price, max spending = fee + amount. */
    private static PendingTx tx(Address principal, long nonce, long price, long amount, long received) {
        byte[] id = new byte[32];
        id[0] = (byte) nextId;
        id[1] = (byte) (nextId++ >> 8);
        TxHeader h = new TxHeader(principal, principal, Methods.SPEND, nonce, price, 10, amount);
        return new PendingTx(TxId.of(id), h, received);
    }

    private static AccountView state(long nonceA, long balanceA, long balanceB) {
        Map<Address, Account> m = new HashMap<>();
        m.put(A, Account.empty(A).withNextNonce(nonceA).withBalance(balanceA));
        m.put(B, Account.empty(B).withBalance(balanceB));
        return a -> m.getOrDefault(a, Account.empty(a));
    }

    @Test
    void projectsNonceAndBalanceAndRefusesWhatDoesNotFit() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(3, 1000, 0);
        assertEquals(AddOutcome.NONCE_TOO_LOW, pool.add(tx(A, 2, 1, 0, 0), state).outcome());
        assertEquals(AddOutcome.ADDED, pool.add(tx(A, 3, 1, 100, 0), state).outcome()); // 110
        assertEquals(AddOutcome.ADDED, pool.add(tx(A, 4, 2, 200, 0), state).outcome()); // 220
        assertEquals(new ConservativeMempool.Projection(5, 1000 - 110 - 220), pool.projection(A, state));
        assertEquals(AddOutcome.INSUFFICIENT_BALANCE, pool.add(tx(A, 5, 1, 661, 0), state).outcome()); // 671 > 670
        assertEquals(AddOutcome.ADDED, pool.add(tx(A, 5, 1, 660, 0), state).outcome()); // exactly 670
        assertEquals(new ConservativeMempool.Projection(6, 0), pool.projection(A, state));
        assertEquals(new ConservativeMempool.Projection(0, 0), pool.projection(B, state));
    }

    @Test
    void atMostAHundredPendingPerAccount() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 1_000_000, 0);
        for (int n = 0; n < 100; n++) {
            assertEquals(AddOutcome.ADDED, pool.add(tx(A, n, 1, 0, 0), state).outcome());
        }
        assertEquals(AddOutcome.TOO_MANY_PENDING, pool.add(tx(A, 100, 1, 0, 0), state).outcome());
        assertEquals(AddOutcome.TOO_MANY_PENDING, pool.add(tx(A, 5, 9, 0, 0), state).outcome(), "even a replacement");
    }

    @Test
    void sameNonceKeepsTheHigherFeeThenTheEarlierArrival() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 1000, 0);
        PendingTx first = tx(A, 0, 1, 0, 50);
        pool.add(first, state);
        assertEquals(AddOutcome.KEPT_EXISTING, pool.add(tx(A, 0, 1, 0, 60), state).outcome(), "same fee, later");
        PendingTx earlier = tx(A, 0, 1, 0, 40);
        assertEquals(new ConservativeMempool.AddResult(AddOutcome.REPLACED, List.of(first.id())),
                pool.add(earlier, state));
        PendingTx richer = tx(A, 0, 3, 0, 99);
        assertEquals(AddOutcome.REPLACED, pool.add(richer, state).outcome());
        assertEquals(List.of(richer), pool.pending().get(A));
        assertFalse(pool.contains(earlier.id()));
        assertEquals(new ConservativeMempool.Projection(1, 1000 - 30), pool.projection(A, state));
    }

    @Test
    void aReplacementEvictsFollowersThatNoLongerFitButKeepsCheaperOnesAfterTheGap() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 1000, 0);
        pool.add(tx(A, 0, 1, 0, 0), state); // 10: 990 left
        PendingTx big = tx(A, 1, 1, 500, 0); // 510: 480 left
        PendingTx small = tx(A, 2, 1, 90, 0); // 100: 380 left
        pool.add(big, state);
        pool.add(small, state);
        PendingTx replacement = tx(A, 0, 60, 0, 0); // 600: 400 left; 510 no longer fits, 100 still does
        ConservativeMempool.AddResult r = pool.add(replacement, state);
        assertEquals(AddOutcome.REPLACED, r.outcome());
        assertTrue(r.removed().contains(big.id()));
        assertEquals(List.of(replacement, small), pool.pending().get(A), "the reference leaves the nonce gap");
        assertEquals(new ConservativeMempool.Projection(3, 300), pool.projection(A, state));
    }

    @Test
    void predictedBlockTakesTheBestHeadsAndDropsAnAccountWhoseHeadDoesNotFit() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 10_000, 10_000);
        PendingTx a0 = tx(A, 0, 5, 0, 0);
        PendingTx a1 = tx(A, 1, 1, 0, 0);
        PendingTx b0 = tx(B, 0, 3, 0, 0);
        PendingTx b1 = tx(B, 1, 4, 0, 0);
        List.of(a0, a1, b0, b1).forEach(t -> pool.add(t, state));
        // Heads by fee: a0(50) then b0(30); then b1(40) beats a1(10).
        assertEquals(List.of(a0, b0, b1, a1), pool.predictedBlock(-1L));
        assertEquals(List.of(a0, b0, b1), pool.predictedBlock(30), "30 gas: three of max gas 10");
        assertEquals(List.of(a0, b0, b1), pool.predictedBlock(35), "a1 does not fit the 5 left");
    }

    @Test
    void proposalSelectionTakesAllOrAShuffledSubsetInNonceOrder() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 1_000_000, 1_000_000);
        for (int n = 0; n < 10; n++) {
            pool.add(tx(A, n, 1 + n % 3, 0, n), state);
            pool.add(tx(B, n, 2, 0, n), state);
        }
        assertEquals(20, pool.selectForProposal(-1L, 20, Mt19937x64.seededByArray(new long[] {1})).size());
        List<TxId> picked = pool.selectForProposal(-1L, 7, Mt19937x64.seededByArray(new long[] {1}));
        assertEquals(7, picked.size());
        Map<TxId, PendingTx> byId = new HashMap<>();
        pool.pending().values().forEach(l -> l.forEach(t -> byId.put(t.id(), t)));
        Map<Address, Long> expectedNext = new HashMap<>(Map.of(A, 0L, B, 0L));
        for (TxId id : picked) {
            PendingTx t = byId.get(id);
            assertEquals(expectedNext.get(t.header().principal()), t.nonce(), "each account from its lowest nonce");
            expectedNext.merge(t.header().principal(), 1L, Long::sum);
        }
    }

    @Test
    void resetRestartsFromTheNewStateAndReoffersStoredTransactions() {
        ConservativeMempool pool = new ConservativeMempool();
        AccountView state = state(0, 100, 0);
        PendingTx t0 = tx(A, 0, 1, 50, 0); // 60
        PendingTx t1 = tx(A, 1, 1, 50, 0); // 60: does not fit 40
        pool.add(t0, state);
        assertEquals(AddOutcome.INSUFFICIENT_BALANCE, pool.add(t1, state).outcome());
        // t0 executed; A received funds: next nonce 1, balance 500.
        pool.reset(A, 1, 500, List.of(t0, t1, tx(A, 1, 1, 10, 0)));
        assertEquals(List.of(t1), pool.pending().get(A), "equal fees and arrivals: the first stored wins");
        assertEquals(new ConservativeMempool.Projection(2, 440), pool.projection(A, state));
        assertFalse(pool.contains(t0.id()));
        pool.reset(A, 2, 440, List.of());
        assertEquals(null, pool.pending().get(A), "an account with nothing left is dropped");
        assertEquals(0, pool.size());
    }

    @Test
    void afterLayerResetsTheAccountsTheLayerChanged() {
        ConservativeMempool pool = new ConservativeMempool();
        pool.add(tx(A, 0, 1, 50, 0), state(0, 100, 0));
        pool.add(tx(B, 0, 1, 0, 0), state(0, 100, 100));
        PendingTx later = tx(A, 1, 1, 0, 0);
        AccountView after = state(1, 40, 100);
        LayerResult layer = new LayerResult(LayerId.of(9), List.of(), List.of(), List.of(),
                List.of(after.get(A)), 0, Hash32.ZERO);
        pool.afterLayer(layer, after, a -> a.equals(A) ? List.of(later) : List.of());
        assertEquals(List.of(later), pool.pending().get(A));
        assertEquals(new ConservativeMempool.Projection(2, 30), pool.projection(A, after));
        assertEquals(1, pool.pending().get(B).size(), "B was not touched");
    }
}
