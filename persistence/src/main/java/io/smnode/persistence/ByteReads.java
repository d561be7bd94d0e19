package io.smnode.persistence;

import java.util.Optional;
import java.util.Set;

/**
 * The typed half of every {@link Reads} view: encodes keys, checks tables, decodes results and refuses use after
 * the snapshot ended. Implementations supply only the byte-level primitives, so both stores share these rules.
 */
abstract class ByteReads implements Reads {
    /** Receives raw entries during a byte-level walk; false stops it. */
    interface ByteVisitor {
        boolean visit(byte[] key, byte[] value);
    }

    private final Set<String> tables;
    private volatile boolean closed;

    ByteReads(Set<String> tables) {
        this.tables = tables;
    }

    /** The stored value of {@code key} (1 to {@link Store#MAX_KEY_BYTES} bytes), or null. */
    abstract byte[] valueBytes(String table, byte[] key);

    /** Walks the entries of a non-empty range in ascending unsigned key order. */
    abstract void entries(String table, EncodedRange range, ByteVisitor visitor);

    abstract long entryCount(String table);

    /** Ends the view; the owning store calls this when the snapshot callback returns. */
    final void close() {
        closed = true;
    }

    @Override
    public final <K, V> Optional<V> get(Table<K, V> table, K key) {
        byte[] value = lookup(table, key);
        return value == null ? Optional.empty() : Optional.of(decode(table, table.valueCodec(), value));
    }

    @Override
    public final <K, V> boolean contains(Table<K, V> table, K key) {
        return lookup(table, key) != null;
    }

    @Override
    public final <K, V> void scan(Table<K, V> table, KeyRange<K> range, EntryVisitor<K, V> visitor) {
        checkUsable(table);
        EncodedRange encoded = range.encode(table.keyCodec());
        if (encoded.isEmpty()) {
            return;
        }
        entries(table.name(), encoded, (k, v) -> {
            checkUsable(table);
            return visitor.visit(decode(table, table.keyCodec(), k), decode(table, table.valueCodec(), v));
        });
    }

    @Override
    public final <K, V> long count(Table<K, V> table) {
        checkUsable(table);
        return entryCount(table.name());
    }

    private <K, V> byte[] lookup(Table<K, V> table, K key) {
        checkUsable(table);
        byte[] encoded = table.keyCodec().encode(key);
        // A key no batch could have stored is simply absent; asking LMDB would be an error instead.
        return BatchRules.storableKey(encoded) ? valueBytes(table.name(), encoded) : null;
    }

    private void checkUsable(Table<?, ?> table) {
        if (closed) {
            throw new StoreClosedException("this read view belongs to a snapshot that has ended");
        }
        if (!tables.contains(table.name())) {
            throw new IllegalArgumentException("table " + table.name() + " is not in this store's schema");
        }
    }

    private static <T> T decode(Table<?, ?> table, ValueCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (CorruptDataException e) {
            throw new CorruptDataException("table " + table.name() + ": " + e.getMessage());
        }
    }
}
