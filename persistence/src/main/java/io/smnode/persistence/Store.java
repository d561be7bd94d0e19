package io.smnode.persistence;

import java.util.Optional;
import java.util.function.Function;

/**
 * The storage port: typed tables, snapshot reads, and atomic multi-table batches. Implementations
 * ({@link LmdbStore}, {@link InMemoryStore}) behave identically; one contract test suite holds them to it.
 *
 * <p>Threads: every method is thread-safe. Reads run concurrently from any number of threads and each sees one
 * committed state, never part of a batch. Writes are serialized inside the store (one commits at a time), but the
 * intended use is a single writer thread (the StorageActor) owning {@link #write}. A read callback (a visitor or a
 * {@link #snapshot} function) must not call {@link #write}: on LMDB that could deadlock against map growth, so it is
 * refused with {@link IllegalStateException}.
 */
public interface Store extends Reads, AutoCloseable {
    /** The longest key any implementation accepts (LMDB's default limit), so both behave the same. */
    int MAX_KEY_BYTES = 511;

    /**
     * Runs {@code reader} against one consistent committed state and returns its result. The {@link Reads} view is
     * valid only during the call; using it afterwards throws {@link StoreClosedException}.
     */
    <R> R snapshot(Function<Reads, R> reader);

    /**
     * Commits every operation of {@code batch} atomically and, for a durable store, durably: when this returns the
     * batch survives a crash; when it throws nothing of the batch is visible or stored.
     *
     * @throws InvalidBatchException when an operation breaks a store rule (unknown table, empty or oversized key)
     * @throws StoreFullException when the batch does not fit even at the maximum store size
     */
    void write(WriteBatch batch);

    /** The schema version the store is at (always the opening {@link Schema}'s version once open succeeded). */
    int schemaVersion();

    /** True when committed batches survive a process crash (LMDB); false for the in-memory twin. */
    boolean durable();

    /** Waits for in-flight reads and writes, then releases the store; later calls throw {@link StoreClosedException}. */
    @Override
    void close();

    @Override
    default <K, V> Optional<V> get(Table<K, V> table, K key) {
        return snapshot(r -> r.get(table, key));
    }

    @Override
    default <K, V> boolean contains(Table<K, V> table, K key) {
        return snapshot(r -> r.contains(table, key));
    }

    @Override
    default <K, V> void scan(Table<K, V> table, KeyRange<K> range, EntryVisitor<K, V> visitor) {
        snapshot(r -> {
            r.scan(table, range, visitor);
            return null;
        });
    }

    @Override
    default <K, V> long count(Table<K, V> table) {
        return snapshot(r -> r.count(table));
    }
}
