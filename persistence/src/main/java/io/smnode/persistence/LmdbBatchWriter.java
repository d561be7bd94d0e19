package io.smnode.persistence;

import java.util.Map;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/** Applies a batch's operations, in order, inside one LMDB write transaction that the caller commits or aborts. */
final class LmdbBatchWriter {
    private LmdbBatchWriter() {
    }

    static void apply(WriteBatch batch, Map<String, Dbi<byte[]>> dbis, Txn<byte[]> txn) {
        int index = 0;
        for (BatchOp op : batch.ops()) {
            BatchRules.check(index++, op, dbis.keySet());
            Dbi<byte[]> dbi = dbis.get(op.table());
            if (op instanceof BatchOp.Put put) {
                dbi.put(txn, put.key().toByteArray(), put.value().toByteArray());
            } else if (op instanceof BatchOp.Delete delete) {
                dbi.delete(txn, delete.key().toByteArray());
            } else {
                deleteRange(dbi, txn, ((BatchOp.DeleteRange) op).range());
            }
        }
    }

    /** Re-seeks after every delete rather than relying on LMDB's cursor position after mdb_cursor_del. */
    private static void deleteRange(Dbi<byte[]> dbi, Txn<byte[]> txn, EncodedRange range) {
        if (range.isEmpty()) {
            return;
        }
        try (Cursor<byte[]> cursor = dbi.openCursor(txn)) {
            while (LmdbCursors.seekStart(cursor, range) && !range.isPastEnd(cursor.key())) {
                cursor.delete();
            }
        }
    }
}
