package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.util.Map;
import java.util.Set;

/** A read view over one published {@link InMemoryState}. */
final class InMemoryReads extends ByteReads {
    private final InMemoryState state;

    InMemoryReads(Set<String> tables, InMemoryState state) {
        super(tables);
        this.state = state;
    }

    @Override
    byte[] valueBytes(String table, byte[] key) {
        Bytes value = state.table(table).get(Bytes.wrap(key));
        return value == null ? null : value.toByteArray();
    }

    @Override
    void entries(String table, EncodedRange range, ByteVisitor visitor) {
        for (Map.Entry<Bytes, Bytes> e : InMemoryState.slice(state.table(table), range).entrySet()) {
            if (!visitor.visit(e.getKey().toByteArray(), e.getValue().toByteArray())) {
                return;
            }
        }
    }

    @Override
    long entryCount(String table) {
        return state.table(table).size();
    }
}
