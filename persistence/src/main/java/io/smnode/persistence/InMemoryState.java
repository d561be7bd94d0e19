package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One committed state of the in-memory store: a sorted map per table, never mutated once published. A batch
 * produces a new state that copies only the tables it touches, so readers holding the old state keep a
 * consistent snapshot for free. {@link Bytes} order is unsigned lexicographic, the same as LMDB's.
 */
final class InMemoryState {
    static final InMemoryState EMPTY = new InMemoryState(Map.of());

    private final Map<String, NavigableMap<Bytes, Bytes>> tables;

    private InMemoryState(Map<String, NavigableMap<Bytes, Bytes>> tables) {
        this.tables = tables;
    }

    NavigableMap<Bytes, Bytes> table(String name) {
        return tables.getOrDefault(name, Collections.emptyNavigableMap());
    }

    /** The state after {@code batch}; throws (leaving this state as it is) when an operation breaks a rule. */
    InMemoryState apply(WriteBatch batch, Set<String> known) {
        Map<String, NavigableMap<Bytes, Bytes>> copied = new HashMap<>();
        int index = 0;
        for (BatchOp op : batch.ops()) {
            BatchRules.check(index++, op, known);
            NavigableMap<Bytes, Bytes> table = copied.computeIfAbsent(op.table(), n -> new TreeMap<>(table(n)));
            if (op instanceof BatchOp.Put put) {
                table.put(put.key(), put.value());
            } else if (op instanceof BatchOp.Delete delete) {
                table.remove(delete.key());
            } else {
                EncodedRange range = ((BatchOp.DeleteRange) op).range();
                if (!range.isEmpty()) {
                    slice(table, range).clear();
                }
            }
        }
        Map<String, NavigableMap<Bytes, Bytes>> next = new HashMap<>(tables);
        copied.forEach((name, table) -> next.put(name, Collections.unmodifiableNavigableMap(table)));
        return new InMemoryState(Map.copyOf(next));
    }

    /** The entries of a non-empty range, as a live view of {@code table}. */
    static NavigableMap<Bytes, Bytes> slice(NavigableMap<Bytes, Bytes> table, EncodedRange range) {
        NavigableMap<Bytes, Bytes> view = range.start() == null ? table : table.tailMap(range.start(), true);
        return range.end() == null ? view : view.headMap(range.end(), false);
    }
}
