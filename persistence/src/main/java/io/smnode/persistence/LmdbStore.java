package io.smnode.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link Store}: one LMDB environment, one named database per table. Every commit is synced to disk
 * before {@link #write} returns (no MDB_NOSYNC, MDB_NOMETASYNC, MDB_MAPASYNC or MDB_WRITEMAP), and LMDB's
 * copy-on-write B-tree means a crash at any instant leaves the last committed state intact.
 *
 * <p>Readers: MDB_NOTLS ties a read transaction to its snapshot, not to the OS thread, so reads may run on any
 * pool thread and nest (a get inside a scan). Each snapshot opens and ends its own read transaction inside the
 * call, so no transaction outlives a read.
 *
 * <p>Map growth: the memory map starts at {@link LmdbConfig#initialMapBytes()}. When a batch hits MDB_MAP_FULL its
 * transaction is aborted, the map doubles (capped at {@link LmdbConfig#maxMapBytes()}) and the batch is retried;
 * LMDB requires that no transaction is open in the process during a resize, which the map lock guarantees (reads
 * and writes hold it shared, a resize exclusively).
 */
public final class LmdbStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(LmdbStore.class);
    /** LMDB forbids opening one environment twice in a process (its locks are per process). */
    private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final LmdbConfig config;
    private final Env<byte[]> env;
    private final Map<String, Dbi<byte[]>> dbis;
    private final int schemaVersion;
    private final boolean readOnly;
    private final ReentrantReadWriteLock mapLock = new ReentrantReadWriteLock();
    private final ReentrantLock writerLock = new ReentrantLock();
    private final ReadGuard readGuard = new ReadGuard();
    private volatile boolean closed;

    private LmdbStore(Path directory, LmdbConfig config, Env<byte[]> env, Map<String, Dbi<byte[]>> dbis,
            int schemaVersion, boolean readOnly) {
        this.directory = directory;
        this.config = config;
        this.env = env;
        this.dbis = dbis;
        this.schemaVersion = schemaVersion;
        this.readOnly = readOnly;
    }

    /**
     * Opens an existing store for reading only, without any lock beyond LMDB's reader slot: another process (a
     * running node) may write it meanwhile, each snapshot sees its last commit. Nothing is created or migrated.
     *
     * @throws DataDirectoryException when there is no store in the directory
     * @throws SchemaVersionException when the store is not at {@code schema}'s version
     */
    public static LmdbStore openReadOnly(LmdbConfig config, Schema schema) {
        Path dir = config.directory().toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(dir.resolve("data.mdb"))) {
            throw new DataDirectoryException("There is no store in " + dir + ".");
        }
        Env<byte[]> env;
        try {
            env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(config.initialMapBytes())
                    .setMaxDbs(schema.tables().size() + 1).setMaxReaders(config.maxReaders())
                    .open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOTLS);
        } catch (LmdbException e) {
            throw new DataDirectoryException("Data directory " + dir + " cannot be opened as an LMDB store ("
                    + e.getMessage() + ").");
        }
        try {
            Map<String, Dbi<byte[]>> dbis = new HashMap<>();
            long version;
            try (Txn<byte[]> txn = env.txnRead()) {
                Dbi<byte[]> meta = env.openDbi(txn, MetaTable.TABLE.name().getBytes(StandardCharsets.UTF_8), null,
                        false);
                dbis.put(MetaTable.TABLE.name(), meta);
                byte[] stored = meta.get(txn, MetaTable.TABLE.keyCodec().encode(MetaTable.SCHEMA_VERSION));
                version = stored == null ? 0 : MetaTable.TABLE.valueCodec().decode(stored);
                if (version != schema.version()) {
                    throw new SchemaVersionException("The store at " + dir + " has schema version " + version
                            + ", not " + schema.version() + "; start the node once to bring it up to date.");
                }
                for (Table<?, ?> table : schema.tables()) {
                    dbis.put(table.name(), env.openDbi(txn, table.name().getBytes(StandardCharsets.UTF_8), null,
                            false));
                }
                txn.commit();
            }
            return new LmdbStore(dir, config, env, Map.copyOf(dbis), (int) version, true);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /**
     * Opens (creating if needed) the store in {@code config.directory()} and brings it to {@code schema}'s version.
     *
     * @throws DataDirectoryException when the directory cannot hold a store or is already open in this process
     * @throws SchemaVersionException when the stored version is newer than the schema's or cannot be migrated
     */
    public static LmdbStore open(LmdbConfig config, Schema schema) {
        Path dir = DataDirectory.prepare(config.directory());
        if (!OPEN_DIRECTORIES.add(dir)) {
            throw new DataDirectoryException("Data directory " + dir + " is already open in this process.");
        }
        Env<byte[]> env = null;
        try {
            env = openEnv(dir, config, schema);
            LmdbStore store = new LmdbStore(dir, config, env, openDbis(env, schema), schema.version(), false);
            try {
                SchemaUpgrade.run(schema, store, dir.toString());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (RuntimeException e) {
            if (env != null && !env.isClosed()) {
                env.close();
            }
            OPEN_DIRECTORIES.remove(dir);
            throw e;
        }
    }

    private static Env<byte[]> openEnv(Path dir, LmdbConfig config, Schema schema) {
        Env<byte[]> env;
        try {
            env = Env.create(ByteArrayProxy.PROXY_BA)
                    .setMapSize(config.initialMapBytes())
                    .setMaxDbs(schema.tables().size() + 1)
                    .setMaxReaders(config.maxReaders())
                    .open(dir.toFile(), EnvFlags.MDB_NOTLS);
        } catch (LmdbException e) {
            throw new DataDirectoryException("Data directory " + dir + " cannot be opened as an LMDB store ("
                    + e.getMessage() + ").");
        }
        // A process killed mid-read leaves its reader slots behind; free them so they neither pin old pages nor
        // exhaust the reader table across many crash/restart cycles.
        int stale = env.readerCheck();
        if (stale > 0) {
            LOG.info("cleared {} stale reader slots in {}", stale, dir);
        }
        if (env.getMaxKeySize() < Store.MAX_KEY_BYTES) {
            env.close();
            throw new IllegalStateException("this LMDB build allows keys of only " + env.getMaxKeySize() + " bytes");
        }
        return env;
    }

    private static Map<String, Dbi<byte[]>> openDbis(Env<byte[]> env, Schema schema) {
        Map<String, Dbi<byte[]>> dbis = new HashMap<>();
        dbis.put(MetaTable.TABLE.name(), env.openDbi(MetaTable.TABLE.name(), DbiFlags.MDB_CREATE));
        for (Table<?, ?> table : schema.tables()) {
            dbis.put(table.name(), env.openDbi(table.name(), DbiFlags.MDB_CREATE));
        }
        return Map.copyOf(dbis);
    }

    @Override
    public <R> R snapshot(Function<Reads, R> reader) {
        mapLock.readLock().lock();
        try {
            checkOpen();
            try (Txn<byte[]> txn = beginRead()) {
                LmdbReads view = new LmdbReads(dbis, txn);
                readGuard.enter();
                try {
                    return reader.apply(view);
                } finally {
                    readGuard.exit();
                    view.close();
                }
            }
        } finally {
            mapLock.readLock().unlock();
        }
    }

    private Txn<byte[]> beginRead() {
        try {
            return env.txnRead();
        } catch (Dbi.MapResizedException e) {
            // A read-only reader of a store another process grew: adopt the new size (no transaction of this
            // process is open: only readers that hold the map lock shared, and this one waits for them) and go on.
            if (!readOnly) {
                throw e;
            }
            mapLock.readLock().unlock();
            mapLock.writeLock().lock();
            try {
                env.setMapSize(0);
                mapLock.readLock().lock();
            } finally {
                mapLock.writeLock().unlock();
            }
            return env.txnRead();
        } catch (Env.ReadersFullException e) {
            throw new StoreException("All " + config.maxReaders() + " LMDB reader slots of " + directory
                    + " are in use; raise maxReaders or keep fewer reads open at once.", e);
        }
    }

    @Override
    public void write(WriteBatch batch) {
        if (readOnly) {
            throw new InvalidBatchException("the store at " + directory + " is open read-only");
        }
        readGuard.refuseInsideRead("write");
        writerLock.lock();
        try {
            while (true) {
                Env.MapFullException full;
                mapLock.readLock().lock();
                try {
                    checkOpen();
                    if (batch.isEmpty()) {
                        return;
                    }
                    try (Txn<byte[]> txn = env.txnWrite()) {
                        LmdbBatchWriter.apply(batch, dbis, txn);
                        txn.commit();
                        return;
                    } catch (Env.MapFullException e) {
                        full = e; // the transaction is aborted by close(); grow outside the shared lock
                    } catch (LmdbException e) {
                        throw new StoreException("The store at " + directory + " could not commit a batch of "
                                + batch.size() + " operations (" + e.getMessage() + ").", e);
                    }
                } finally {
                    mapLock.readLock().unlock();
                }
                grow(batch, full);
            }
        } finally {
            writerLock.unlock();
        }
    }

    private void grow(WriteBatch batch, Env.MapFullException cause) {
        mapLock.writeLock().lock();
        try {
            checkOpen();
            long current = env.info().mapSize;
            if (current >= config.maxMapBytes()) {
                throw new StoreFullException("The store at " + directory + " is full: a batch of " + batch.size()
                        + " operations does not fit within the maximum map size of " + config.maxMapBytes()
                        + " bytes.", cause);
            }
            long next = Math.min(config.maxMapBytes(), current * 2);
            env.setMapSize(next);
            LOG.info("grew the LMDB map of {} from {} to {} bytes", directory, current, next);
        } finally {
            mapLock.writeLock().unlock();
        }
    }

    /** The current size of the memory map in bytes (grows on demand; useful for metrics and tests). */
    public long mapSizeBytes() {
        mapLock.readLock().lock();
        try {
            checkOpen();
            return env.info().mapSize;
        } finally {
            mapLock.readLock().unlock();
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {
        readGuard.refuseInsideRead("close");
        writerLock.lock();
        try {
            mapLock.writeLock().lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                env.close();
                if (!readOnly) {
                    OPEN_DIRECTORIES.remove(directory);
                }
            } finally {
                mapLock.writeLock().unlock();
            }
        } finally {
            writerLock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("the store at " + directory + " is closed");
        }
    }
}
