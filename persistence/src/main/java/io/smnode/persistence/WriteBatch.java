package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable list of writes over any number of tables that a store commits all-or-nothing. Operations apply in
 * the order they were added, so a later put wins over an earlier delete of the same key and vice versa. Keys and
 * values are encoded when added: the built batch holds only bytes, so it can be handed to the single writer
 * thread (e.g. in an actor message) without sharing any mutable object.
 */
public final class WriteBatch {
    private static final WriteBatch EMPTY = new WriteBatch(List.of());

    private final List<BatchOp> ops;

    private WriteBatch(List<BatchOp> ops) {
        this.ops = ops;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WriteBatch empty() {
        return EMPTY;
    }

    public int size() {
        return ops.size();
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    List<BatchOp> ops() {
        return ops;
    }

    /** Collects operations on one thread; {@link #build()} freezes them. Not thread-safe. */
    public static final class Builder {
        private final List<BatchOp> ops = new ArrayList<>();

        private Builder() {
        }

        public <K, V> Builder put(Table<K, V> table, K key, V value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("put into " + table.name() + " needs a key and a value");
            }
            ops.add(new BatchOp.Put(table.name(), Bytes.wrap(table.keyCodec().encode(key)),
                    Bytes.wrap(table.valueCodec().encode(value))));
            return this;
        }

        public <K, V> Builder delete(Table<K, V> table, K key) {
            if (key == null) {
                throw new IllegalArgumentException("delete from " + table.name() + " needs a key");
            }
            ops.add(new BatchOp.Delete(table.name(), Bytes.wrap(table.keyCodec().encode(key))));
            return this;
        }

        /** Deletes every key of {@code range} that exists when this operation runs. */
        public <K, V> Builder deleteRange(Table<K, V> table, KeyRange<K> range) {
            ops.add(new BatchOp.DeleteRange(table.name(), range.encode(table.keyCodec())));
            return this;
        }

        /** Appends every operation of {@code other}, in order. */
        public Builder addAll(WriteBatch other) {
            ops.addAll(other.ops);
            return this;
        }

        public int size() {
            return ops.size();
        }

        public WriteBatch build() {
            return ops.isEmpty() ? EMPTY : new WriteBatch(List.copyOf(ops));
        }
    }
}
