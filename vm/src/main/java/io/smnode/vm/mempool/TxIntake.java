package io.smnode.vm.mempool;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.vm.Vm;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.TxParser;
import java.util.Objects;
import java.util.Optional;

/**
 * Transaction intake in front of the {@link ConservativeMempool}: a raw transaction is parsed against the current
 * accounts, its signature verified, and offered to the mempool. Deterministic; the caller stores what is taken.
 */
public final class TxIntake {
    private final Vm vm;
    private final ConservativeMempool mempool;

    public TxIntake(Vm vm, ConservativeMempool mempool) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
    }

    /** What became of one transaction: the verdict, and the parsed transaction when it is to be stored. */
    public record Taken(Verdict verdict, Optional<PendingTx> stored) {
        public Taken {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(stored, "stored");
        }
    }

    /** @param received an ordering key for equal fees: earlier wins */
    public Taken offer(Bytes raw, AccountView accounts, long received) {
        ParsedTx tx;
        try {
            tx = TxParser.parse(raw.toByteArray(), accounts);
        } catch (InvalidTxException e) {
            return refused(Verdict.reject(TxRule.INVALID, e.getMessage()));
        }
        if (mempool.contains(tx.id())) {
            return refused(Verdict.ignore(TxRule.KNOWN, tx.id().hex()));
        }
        if (!vm.verify(tx, raw.toByteArray())) {
            return refused(Verdict.reject(TxRule.SIGNATURE, tx.id().hex()));
        }
        if (tx.header().gasPrice() == 0) {
            return refused(Verdict.ignore(TxRule.ZERO_GAS_PRICE, tx.id().hex()));
        }
        PendingTx pending = new PendingTx(tx.id(), tx.header(), received);
        return switch (mempool.add(pending, accounts).outcome()) {
            case ADDED, REPLACED, KEPT_EXISTING -> new Taken(Verdict.accept(), Optional.of(pending));
            case NONCE_TOO_LOW -> refused(Verdict.ignore(TxRule.NONCE_TOO_LOW, tx.id().hex()));
            case TOO_MANY_PENDING -> refused(Verdict.ignore(TxRule.TOO_MANY_PENDING, tx.id().hex()));
            case INSUFFICIENT_BALANCE -> refused(Verdict.ignore(TxRule.INSUFFICIENT_BALANCE, tx.id().hex()));
        };
    }

    private static Taken refused(Verdict v) {
        return new Taken(v, Optional.empty());
    }
}
