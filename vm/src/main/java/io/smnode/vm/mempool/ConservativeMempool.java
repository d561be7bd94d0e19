package io.smnode.vm.mempool;

import io.smnode.core.types.Address;
import io.smnode.core.types.TxId;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Receipt;
import io.smnode.vm.order.BlockTxOrder;
import io.smnode.vm.order.Mt19937x64;
import io.smnode.vm.order.OrderCandidate;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The conservative state (go-spacemesh {@code txs.Cache} and mempool iterator): per account, the pending
 * transactions that can all execute one after another from the current state, with projected nonce and balance.
 * The transactions themselves are persisted elsewhere (all valid ones are); this holds the ones that fit and feeds
 * proposals. Single-threaded; time and randomness are inputs.
 */
public final class ConservativeMempool {
    /** The next nonce and the balance left after every pending transaction of an account. */
    public record Projection(long nextNonce, long balance) {}

    /** The outcome of an add and the transactions that left the mempool because of it. */
    public record AddResult(AddOutcome outcome, List<TxId> removed) {
        public AddResult {
            removed = List.copyOf(removed);
        }
    }

    /** Heap order of account heads: higher fee, then earlier arrival, then lower ID. */
    private static final Comparator<PendingTx> PRIORITY = Comparator
            .comparing((PendingTx t) -> t.header().fee(), (a, b) -> Long.compareUnsigned(b, a))
            .thenComparingLong(PendingTx::received)
            .thenComparing(PendingTx::id);

    private final Map<Address, AccountQueue> accounts = new HashMap<>();
    private final Map<TxId, PendingTx> queued = new HashMap<>();

    /** Offers a valid transaction (parsed, signature checked, gas price above zero). */
    public AddResult add(PendingTx tx, AccountView state) {
        AccountQueue q = queueOf(tx.header().principal(), state);
        if (Long.compareUnsigned(tx.nonce(), q.startNonce()) < 0) {
            return new AddResult(AddOutcome.NONCE_TOO_LOW, List.of());
        }
        List<TxId> removed = new ArrayList<>();
        AddOutcome outcome = q.accept(tx, Optional.empty(), removed);
        removed.forEach(queued::remove);
        if (outcome == AddOutcome.ADDED || outcome == AddOutcome.REPLACED) {
            queued.put(tx.id(), tx);
        }
        return new AddResult(outcome, removed);
    }

    private AccountQueue queueOf(Address address, AccountView state) {
        return accounts.computeIfAbsent(address, a -> {
            Account acc = state.get(a);
            return new AccountQueue(acc.nextNonce(), acc.balance());
        });
    }

    /** Next nonce and balance after the pending transactions (the state's when none). */
    public Projection projection(Address address, AccountView state) {
        AccountQueue q = accounts.get(address);
        if (q == null) {
            Account a = state.get(address);
            return new Projection(a.nextNonce(), a.balance());
        }
        return new Projection(q.nextNonce(), q.availableBalance());
    }

    public boolean contains(TxId id) {
        return queued.containsKey(id);
    }

    public int size() {
        return queued.size();
    }

    /** Each account's pending transactions in nonce order. */
    public Map<Address, List<PendingTx>> pending() {
        Map<Address, List<PendingTx>> out = new TreeMap<>();
        accounts.forEach((a, q) -> {
            if (!q.pending().isEmpty()) {
                out.put(a, q.pending());
            }
        });
        return out;
    }

    /**
     * After a layer is applied: every account it changed (and every principal it executed) starts again from its
     * new nonce and balance, and its stored transactions from that nonce on are offered again.
     *
     * @param stored the account's stored valid transactions with nonce at least the given one
     */
    public void afterLayer(LayerResult result, AccountView state, Function<Address, Collection<PendingTx>> stored) {
        Set<Address> touched = new LinkedHashSet<>();
        result.receipts().stream().map(Receipt::touched).forEach(touched::addAll);
        result.changed().forEach(a -> touched.add(a.address()));
        for (Address address : touched) {
            if (accounts.containsKey(address)) {
                Account a = state.get(address);
                reset(address, a.nextNonce(), a.balance(), stored.apply(address));
            }
        }
    }

    /** Restarts one account's queue from {@code nextNonce}/{@code balance} and offers its stored transactions. */
    public void reset(Address address, long nextNonce, long balance, Collection<PendingTx> storedTxs) {
        AccountQueue old = accounts.remove(address);
        if (old != null) {
            old.pending().forEach(t -> queued.remove(t.id()));
        }
        AccountQueue q = new AccountQueue(nextNonce, balance);
        TreeMap<Long, List<PendingTx>> byNonce = new TreeMap<>(Long::compareUnsigned);
        for (PendingTx t : storedTxs) {
            if (t.header().principal().equals(address)) {
                byNonce.computeIfAbsent(t.nonce(), n -> new ArrayList<>()).add(t);
            }
        }
        List<TxId> removed = new ArrayList<>();
        q.acceptStored(new ArrayList<>(byNonce.values()), removed);
        if (!q.evictable()) {
            accounts.put(address, q);
            q.pending().forEach(t -> queued.put(t.id(), t));
        }
    }

    /**
     * The block the mempool predicts (the reference's mempool iterator): repeatedly take the best account head
     * whose max gas fits what is left of {@code blockGasLimit}; a head that does not fit drops its whole account.
     */
    public List<PendingTx> predictedBlock(long blockGasLimit) {
        Map<Address, List<PendingTx>> rest = new HashMap<>();
        PriorityQueue<PendingTx> heads = new PriorityQueue<>(PRIORITY);
        pending().forEach((a, txs) -> {
            heads.add(txs.get(0));
            rest.put(a, new ArrayList<>(txs.subList(1, txs.size())));
        });
        long gasLeft = blockGasLimit;
        List<PendingTx> block = new ArrayList<>();
        while (!heads.isEmpty() && Long.compareUnsigned(gasLeft, 1) >= 0) {
            PendingTx top = heads.poll();
            if (Long.compareUnsigned(top.header().maxGas(), gasLeft) > 0) {
                rest.remove(top.header().principal());
                continue;
            }
            gasLeft -= top.header().maxGas();
            block.add(top);
            List<PendingTx> next = rest.get(top.header().principal());
            if (next != null && !next.isEmpty()) {
                heads.add(next.remove(0));
            }
        }
        return List.copyOf(block);
    }

    /**
     * The transactions for a proposal: the predicted block if it has at most {@code maxTxs}, else {@code maxTxs}
     * slots picked by a shuffle (driven by {@code rng}, the caller's randomness) that keeps each account's nonce order.
     *
     * @param maxTxs the proposal's eligibility count times TxsPerProposal
     */
    public List<TxId> selectForProposal(long blockGasLimit, int maxTxs, Mt19937x64 rng) {
        List<PendingTx> predicted = predictedBlock(blockGasLimit);
        if (predicted.size() <= maxTxs) {
            return predicted.stream().map(PendingTx::id).toList();
        }
        List<OrderCandidate> slots = predicted.stream().map(t -> new OrderCandidate(t.id(), t.header().principal(),
                t.nonce(), t.header().maxGas())).toList();
        return BlockTxOrder.shuffleWithNonceOrder(rng, maxTxs, slots);
    }
}
