package io.smnode.actors.faults;

import io.smnode.persistence.EntryVisitor;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Reads;
import io.smnode.persistence.Store;
import io.smnode.persistence.StoreException;
import io.smnode.persistence.StoreFullException;
import io.smnode.persistence.StoreSyncException;
import io.smnode.persistence.Table;
import io.smnode.persistence.WriteBatch;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store seen through a fault plan's storage rules: each {@link #write} is a {@code commit} event. fail-commit
 * throws before the batch reaches the store (nothing written); fail-fsync writes the batch and then reports a
 * failed sync (durability unknown); disk-full throws as a full store does, and keeps doing so for every later commit
 * until the process restarts — a disk does not empty itself. Reads pass through.
 */
public final class FaultInjectingStore implements Store {
    private final Store delegate;
    private final FaultInjector injector;
    private volatile boolean full;

    public FaultInjectingStore(Store delegate, FaultInjector injector) {
        this.delegate = delegate;
        this.injector = injector;
    }

    @Override
    public void write(WriteBatch batch) {
        if (full) {
            throw new StoreFullException("disk full (injected earlier): no space for a batch of " + batch.size()
                    + " writes", null);
        }
        Optional<InjectedFault> fault = injector.decide("commit");
        if (fault.isEmpty()) {
            delegate.write(batch);
            return;
        }
        FaultLog.injected("storage", fault.get());
        switch (fault.get().rule().action()) {
            case FAIL_COMMIT -> throw new StoreException("injected commit failure ("
                    + fault.get().describe("storage") + ")");
            case FAIL_FSYNC -> {
                delegate.write(batch);
                throw new StoreSyncException("injected fsync failure after a batch of " + batch.size() + " writes");
            }
            case DISK_FULL -> {
                full = true;
                throw new StoreFullException("disk full (injected): no space for a batch of " + batch.size()
                        + " writes", null);
            }
            default -> throw new IllegalStateException("mailbox action " + fault.get().rule().action()
                    + " in a storage rule");
        }
    }

    @Override
    public <R> R snapshot(Function<Reads, R> reader) {
        return delegate.snapshot(reader);
    }

    @Override
    public <K, V> Optional<V> get(Table<K, V> table, K key) {
        return delegate.get(table, key);
    }

    @Override
    public <K, V> boolean contains(Table<K, V> table, K key) {
        return delegate.contains(table, key);
    }

    @Override
    public <K, V> void scan(Table<K, V> table, KeyRange<K> range, EntryVisitor<K, V> visitor) {
        delegate.scan(table, range, visitor);
    }

    @Override
    public <K, V> long count(Table<K, V> table) {
        return delegate.count(table);
    }

    @Override
    public int schemaVersion() {
        return delegate.schemaVersion();
    }

    @Override
    public boolean durable() {
        return delegate.durable();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
