package io.smnode.persistence;

import io.smnode.core.types.Bytes;

/** One already-encoded operation of a {@link WriteBatch}, addressed to a table by name. */
sealed interface BatchOp {
    String table();

    record Put(String table, Bytes key, Bytes value) implements BatchOp {
    }

    record Delete(String table, Bytes key) implements BatchOp {
    }

    record DeleteRange(String table, EncodedRange range) implements BatchOp {
    }
}
