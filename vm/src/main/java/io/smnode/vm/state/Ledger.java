package io.smnode.vm.state;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest accounts in memory, with what is needed to revert: for every committed layer, the accounts it
 * replaced (or that it created), so {@link #revertTo} restores the state as of any earlier layer (the reference's
 * {@code accounts.Revert}). Also keeps each layer's state hash. Single-threaded; the persistent store mirrors it.
 */
public final class Ledger implements AccountView {
    private final Map<Address, Account> accounts = new HashMap<>();
    /** Per committed layer, newest last: the previous version of every account the layer wrote (empty = absent). */
    private final Deque<LayerUndo> undo = new ArrayDeque<>();
    private final TreeMap<LayerId, Hash32> stateHashes = new TreeMap<>();

    private record LayerUndo(LayerId layer, Map<Address, Optional<Account>> previous) {}

    /** Writes genesis balances; allowed only before any layer is committed. */
    public void applyGenesis(List<Account> genesis) {
        if (!undo.isEmpty()) {
            throw new IllegalStateException("genesis after layers were committed");
        }
        for (Account a : genesis) {
            accounts.put(a.address(), a);
        }
    }

    @Override
    public Account get(Address address) {
        Account a = accounts.get(address);
        return a != null ? a : Account.empty(address);
    }

    /**
     * Stores a layer's changed accounts and its state hash. Layers must be committed in increasing order.
     *
     * @throws IllegalArgumentException when {@code layer} is not after the last committed layer
     */
    public void commit(LayerId layer, List<Account> changed, Hash32 stateHash) {
        Objects.requireNonNull(stateHash, "stateHash");
        if (!undo.isEmpty() && layer.compareTo(undo.peekLast().layer()) <= 0) {
            throw new IllegalArgumentException("layer " + layer + " is not after " + undo.peekLast().layer());
        }
        Map<Address, Optional<Account>> previous = new HashMap<>();
        for (Account a : changed) {
            previous.putIfAbsent(a.address(), Optional.ofNullable(accounts.get(a.address())));
            accounts.put(a.address(), a);
        }
        undo.addLast(new LayerUndo(layer, previous));
        stateHashes.put(layer, stateHash);
    }

    /** Undoes every committed layer after {@code layer}: accounts and state hashes return to what they were then. */
    public void revertTo(LayerId layer) {
        while (!undo.isEmpty() && undo.peekLast().layer().compareTo(layer) > 0) {
            LayerUndo u = undo.removeLast();
            u.previous().forEach((address, before) -> {
                if (before.isPresent()) {
                    accounts.put(address, before.get());
                } else {
                    accounts.remove(address);
                }
            });
            stateHashes.remove(u.layer());
        }
    }

    /** The last committed layer, if any. */
    public Optional<LayerId> lastLayer() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peekLast().layer());
    }

    /** The state hash committed for {@code layer}. */
    public Optional<Hash32> stateHash(LayerId layer) {
        return Optional.ofNullable(stateHashes.get(layer));
    }

    /** The state hash of the last committed layer; the zero hash before any (as the reference's GetStateRoot). */
    public Hash32 latestStateHash() {
        return stateHashes.isEmpty() ? Hash32.ZERO : stateHashes.lastEntry().getValue();
    }

    /** Every account, in no particular order. */
    public List<Account> all() {
        return List.copyOf(new ArrayList<>(accounts.values()));
    }
}
