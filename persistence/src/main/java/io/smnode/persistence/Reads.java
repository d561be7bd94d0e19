package io.smnode.persistence;

import java.util.Optional;

/**
 * The read side of a store. Every call on a {@link Store} sees one committed state; calls on the view given to
 * {@link Store#snapshot} all see the same committed state, so several reads can be combined consistently.
 */
public interface Reads {
    <K, V> Optional<V> get(Table<K, V> table, K key);

    <K, V> boolean contains(Table<K, V> table, K key);

    /** Visits the entries of {@code range} in ascending unsigned key-byte order until the visitor returns false. */
    <K, V> void scan(Table<K, V> table, KeyRange<K> range, EntryVisitor<K, V> visitor);

    /** The number of entries in the table. */
    <K, V> long count(Table<K, V> table);
}
