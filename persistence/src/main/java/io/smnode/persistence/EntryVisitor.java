package io.smnode.persistence;

/**
 * Receives the entries of a scan in key order while the store holds a consistent snapshot. A visitor (rather than
 * a returned iterator) guarantees the snapshot's read transaction ends when the scan does, so none can leak.
 * The visitor must not write to the store.
 */
@FunctionalInterface
public interface EntryVisitor<K, V> {
    /** @return true to continue with the next entry, false to stop the scan */
    boolean visit(K key, V value);
}
