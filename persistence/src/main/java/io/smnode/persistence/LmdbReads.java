package io.smnode.persistence;

import java.util.Map;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/**
 * A read view over one LMDB read transaction. The byte-array buffer proxy copies every key and value out of the
 * memory map, so nothing handed to callers points into pages LMDB may reuse after the transaction ends.
 */
final class LmdbReads extends ByteReads {
    private final Map<String, Dbi<byte[]>> dbis;
    private final Txn<byte[]> txn;

    LmdbReads(Map<String, Dbi<byte[]>> dbis, Txn<byte[]> txn) {
        super(dbis.keySet());
        this.dbis = dbis;
        this.txn = txn;
    }

    @Override
    byte[] valueBytes(String table, byte[] key) {
        return dbis.get(table).get(txn, key);
    }

    @Override
    void entries(String table, EncodedRange range, ByteVisitor visitor) {
        try (Cursor<byte[]> cursor = dbis.get(table).openCursor(txn)) {
            boolean found = LmdbCursors.seekStart(cursor, range);
            while (found) {
                byte[] key = cursor.key();
                if (range.isPastEnd(key) || !visitor.visit(key, cursor.val())) {
                    return;
                }
                found = cursor.next();
            }
        }
    }

    @Override
    long entryCount(String table) {
        return dbis.get(table).stat(txn).entries;
    }
}
