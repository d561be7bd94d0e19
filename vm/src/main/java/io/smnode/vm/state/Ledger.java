package io.smnode.vm.state;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest accounts in memory, with what is needed to revert: for every committed layer, the accounts it
 * replaced (or that it created), so {@link #revertTo} restores the state as of any earlier layer (the reference's
 * {@code accounts.Revert}). Also keeps each layer's state hash. Single-threaded; the persistent store mirrors it
 * (what {@link #commit} and {@link #revertTo} return is exactly what the store must write), and {@link #restore}
 * rebuilds it from what the store kept.
 */
public final class Ledger implements AccountView {
    private final Map<Address, Account> accounts = new HashMap<>();
    /** Per committed layer, newest last: the previous version of every account the layer wrote (empty = absent). */
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final TreeMap<LayerId, Hash32> stateHashes = new TreeMap<>();

    /**
     * What a committed layer replaced: for every account it wrote, in first-write order, the version before the
     * layer (empty when the layer created it). Enough to revert the layer, also after a restart.
     */
    public record Undo(LayerId layer, Map<Address, Optional<Account>> previous) {
        public Undo {
            Objects.requireNonNull(layer, "layer");
            previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        }
    }

    /** Writes genesis balances; allowed only before any layer is committed. */
    public void applyGenesis(List<Account> genesis) {
        if (!undo.isEmpty()) {
            throw new IllegalStateException("genesis after layers were committed");
        }
        for (Account a : genesis) {
            accounts.put(a.address(), a);
        }
    }

    /**
     * A ledger as it was left: the latest accounts, the undo records of the committed layers that may still be
     * reverted (ascending), and the state hashes of committed layers (the last one is the last committed layer).
     *
     * @throws IllegalArgumentException when the undo records are not in ascending layer order
     */
    public static Ledger restore(Collection<Account> latest, List<Undo> undoRecords, Map<LayerId, Hash32> hashes) {
        Ledger ledger = new Ledger();
        latest.forEach(a -> ledger.accounts.put(a.address(), a));
        for (Undo u : undoRecords) {
            if (!ledger.undo.isEmpty() && u.layer().compareTo(ledger.undo.peekLast().layer()) <= 0) {
                throw new IllegalArgumentException("undo of layer " + u.layer() + " after " + ledger.undo.peekLast().layer());
            }
            ledger.undo.addLast(u);
        }
        ledger.stateHashes.putAll(hashes);
        return ledger;
    }

    @Override
    public Account get(Address address) {
        Account a = accounts.get(address);
        return a != null ? a : Account.empty(address);
    }

    /**
     * Stores a layer's changed accounts and its state hash. Layers must be committed in increasing order.
     *
     * @return what the layer replaced, for the store
     * @throws IllegalArgumentException when {@code layer} is not after the last committed layer
     */
    public Undo commit(LayerId layer, List<Account> changed, Hash32 stateHash) {
        Objects.requireNonNull(stateHash, "stateHash");
        Optional<LayerId> last = lastLayer();
        if (last.isPresent() && layer.compareTo(last.get()) <= 0) {
            throw new IllegalArgumentException("layer " + layer + " is not after " + last.get());
        }
        Map<Address, Optional<Account>> previous = new LinkedHashMap<>();
        for (Account a : changed) {
            previous.putIfAbsent(a.address(), Optional.ofNullable(accounts.get(a.address())));
            accounts.put(a.address(), a);
        }
        Undo u = new Undo(layer, previous);
        undo.addLast(u);
        stateHashes.put(layer, stateHash);
        return u;
    }

    /**
     * Undoes every committed layer after {@code layer}: accounts and state hashes return to what they were then.
     *
     * @return the layers undone (descending) and, for every account they had written, its version now (empty when
     *     it no longer exists), for the store
     */
    public Reverted revertTo(LayerId layer) {
        List<LayerId> undone = new ArrayList<>();
        Map<Address, Optional<Account>> restored = new LinkedHashMap<>();
        while (!undo.isEmpty() && undo.peekLast().layer().compareTo(layer) > 0) {
            Undo u = undo.removeLast();
            u.previous().forEach((address, before) -> {
                if (before.isPresent()) {
                    accounts.put(address, before.get());
                } else {
                    accounts.remove(address);
                }
                restored.put(address, before);
            });
            undone.add(u.layer());
        }
        stateHashes.tailMap(layer, false).clear();
        return new Reverted(undone, restored);
    }

    /** What {@link #revertTo} undid. */
    public record Reverted(List<LayerId> layers, Map<Address, Optional<Account>> accounts) {
        public Reverted {
            layers = List.copyOf(layers);
            accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        }
    }

    /**
     * Forgets the undo records of layers up to {@code layer}: they can no longer be reverted (the tortoise will not
     * change its mind about them). Reverting to an earlier layer then keeps their accounts as they are.
     */
    public void forgetUndoUpTo(LayerId layer) {
        while (!undo.isEmpty() && undo.peekFirst().layer().compareTo(layer) <= 0) {
            undo.removeFirst();
        }
    }

    /** The last committed layer, if any. */
    public Optional<LayerId> lastLayer() {
        return stateHashes.isEmpty() ? Optional.empty() : Optional.of(stateHashes.lastKey());
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
