package io.smnode.persistence;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The in-memory twin of {@link LmdbStore} for tests and throw-away nodes: same rules, same results, no disk.
 * A write builds a new immutable {@link InMemoryState} and publishes it with one reference swap; a reader takes
 * the current reference once, which is its snapshot. Not durable. A write copies each table it touches, so its
 * cost grows with table size: fine for tests and small throw-away nodes, not for mainnet-sized data.
 */
public final class InMemoryStore implements Store {
    private final InMemoryVolume volume;
    private final Set<String> tables;
    private final int schemaVersion;
    private final Object writeLock = new Object();
    private final ReadGuard readGuard = new ReadGuard();
    private volatile boolean closed;

    private InMemoryStore(InMemoryVolume volume, Schema schema) {
        this.volume = volume;
        Set<String> names = new HashSet<>(schema.tablesByName().keySet());
        names.add(MetaTable.TABLE.name());
        this.tables = Set.copyOf(names);
        this.schemaVersion = schema.version();
    }

    /** A store on a fresh, private volume. */
    public static InMemoryStore open(Schema schema) {
        return open(schema, new InMemoryVolume());
    }

    /** A store on {@code volume}, upgraded to {@code schema}'s version like a reopened LMDB store would be. */
    public static InMemoryStore open(Schema schema, InMemoryVolume volume) {
        InMemoryStore store = new InMemoryStore(volume, schema);
        SchemaUpgrade.run(schema, store, "an in-memory volume");
        return store;
    }

    @Override
    public <R> R snapshot(Function<Reads, R> reader) {
        checkOpen();
        InMemoryReads view = new InMemoryReads(tables, volume.current());
        readGuard.enter();
        try {
            return reader.apply(view);
        } finally {
            readGuard.exit();
            view.close();
        }
    }

    @Override
    public void write(WriteBatch batch) {
        readGuard.refuseInsideRead("write");
        synchronized (writeLock) {
            checkOpen();
            volume.publish(volume.current().apply(batch, tables));
        }
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void close() {
        readGuard.refuseInsideRead("close");
        synchronized (writeLock) {
            closed = true;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("the in-memory store is closed");
        }
    }
}
