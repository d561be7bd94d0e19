package io.smnode.mesh.pipeline;

import io.smnode.core.types.TxId;
import io.smnode.mesh.block.KnownTx;
import io.smnode.mesh.store.MeshReads;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.TxParser;
import java.util.Objects;
import java.util.Optional;

/**
 * What block generation reads about a proposal's transactions, over the node's store: a stored transaction parsed
 * against the stored accounts (its header; none when it no longer parses), and whether a layer applied it. Reads
 * only, so it is safe from any thread.
 */
public final class StoreTxLookup implements TxLookup {
    private final MeshReads store;
    private final AccountView accounts;

    public StoreTxLookup(MeshReads store) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = address -> store.account(address).orElseGet(() -> Account.empty(address));
    }

    /** The stored accounts as the VM's parser reads them. */
    public AccountView accounts() {
        return accounts;
    }

    @Override
    public Optional<KnownTx> tx(TxId id) {
        return store.tx(id).map(raw -> {
            boolean applied = store.receipt(id).isPresent();
            try {
                return new KnownTx(id, Optional.of(TxParser.parse(raw.toByteArray(), accounts).header()), applied);
            } catch (InvalidTxException e) {
                return new KnownTx(id, Optional.empty(), applied);
            }
        });
    }
}
