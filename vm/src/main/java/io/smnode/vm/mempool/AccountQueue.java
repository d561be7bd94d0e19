package io.smnode.vm.mempool;

import io.smnode.core.types.TxId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One account's pending transactions, one per nonce in nonce order, each with the balance projected to remain after
 * it (the reference's {@code accountCache}). Projections start from the account's state (next nonce, balance).
 * Adding a transaction re-projects the ones after it and evicts those that no longer fit; the reference then keeps
 * walking with the same balance, so a later, cheaper one can stay behind a gap: kept as it is.
 */
final class AccountQueue {
    static final int MAX_PENDING = 100;

    private static final class Slot {
        PendingTx best;
        long postBalance;

        Slot(PendingTx best, long postBalance) {
            this.best = best;
            this.postBalance = postBalance;
        }
    }

    private final long startNonce;
    private final long startBalance;
    private final List<Slot> slots = new ArrayList<>();
    /** Some valid transactions of this account are stored but not queued (they did not fit when they came). */
    private boolean moreStored;

    AccountQueue(long startNonce, long startBalance) {
        this.startNonce = startNonce;
        this.startBalance = startBalance;
    }

    long startNonce() {
        return startNonce;
    }

    long nextNonce() {
        return slots.isEmpty() ? startNonce : slots.get(slots.size() - 1).best.nonce() + 1;
    }

    long availableBalance() {
        return slots.isEmpty() ? startBalance : slots.get(slots.size() - 1).postBalance;
    }

    boolean evictable() {
        return slots.isEmpty() && !moreStored;
    }

    List<PendingTx> pending() {
        return slots.stream().map(s -> s.best).toList();
    }

    /**
     * Queues {@code tx}; {@code removed} receives the IDs that left the queue (a replaced or evicted transaction).
     */
    AddOutcome accept(PendingTx tx, Optional<byte[]> blockSeed, List<TxId> removed) {
        if (slots.size() >= MAX_PENDING) {
            moreStored = true;
            return AddOutcome.TOO_MANY_PENDING;
        }
        long balance = startBalance;
        int prev = -1;
        for (int i = slots.size() - 1; i >= 0; i--) {
            Slot s = slots.get(i);
            if (Long.compareUnsigned(s.best.nonce(), tx.nonce()) > 0) {
                continue;
            }
            balance = s.best.nonce() == tx.nonce() ? s.postBalance + s.best.maxSpending() : s.postBalance;
            prev = i;
            break;
        }
        if (Long.compareUnsigned(balance, tx.maxSpending()) < 0) {
            return AddOutcome.INSUFFICIENT_BALANCE;
        }
        long post = balance - tx.maxSpending();
        int at;
        AddOutcome outcome;
        if (prev == -1 || slots.get(prev).best.nonce() != tx.nonce()) {
            at = prev + 1;
            slots.add(at, new Slot(tx, post));
            outcome = AddOutcome.ADDED;
        } else {
            Slot same = slots.get(prev);
            if (!tx.betterThan(same.best, blockSeed)) {
                return AddOutcome.KEPT_EXISTING;
            }
            removed.add(same.best.id());
            same.best = tx;
            same.postBalance = post;
            at = prev;
            outcome = AddOutcome.REPLACED;
        }
        long remaining = post;
        int i = at + 1;
        while (i < slots.size()) {
            Slot next = slots.get(i);
            if (Long.compareUnsigned(remaining, next.best.maxSpending()) >= 0) {
                remaining -= next.best.maxSpending();
                next.postBalance = remaining;
                i++;
            } else {
                moreStored = true;
                removed.add(slots.remove(i).best.id());
            }
        }
        return outcome;
    }

    /**
     * Queues stored transactions after a reset (the reference's {@code addBatch}): per nonce from the next one up,
     * the best that the projected balance covers; stops when the queue is full.
     */
    void acceptStored(List<List<PendingTx>> byNonceAscending, List<TxId> removed) {
        int added = 0;
        int considered = 0;
        for (List<PendingTx> sameNonce : byNonceAscending) {
            if (sameNonce.isEmpty() || Long.compareUnsigned(sameNonce.get(0).nonce(), nextNonce()) < 0) {
                continue;
            }
            considered++;
            long balance = availableBalance();
            PendingTx best = null;
            for (PendingTx t : sameNonce) {
                if (Long.compareUnsigned(balance, t.maxSpending()) >= 0
                        && (best == null || t.betterThan(best, Optional.empty()))) {
                    best = t;
                }
            }
            if (best == null) {
                continue;
            }
            AddOutcome o = accept(best, Optional.empty(), removed);
            if (o == AddOutcome.TOO_MANY_PENDING) {
                break;
            }
            if (o != AddOutcome.INSUFFICIENT_BALANCE) {
                added++; // the reference counts every accept without an error, an unchanged slot included
            }
        }
        moreStored = considered > added;
    }
}
