package io.smnode.persistence;

import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;

/** Positions an LMDB cursor at the first key of a range; shared by scans and range deletes. */
final class LmdbCursors {
    private LmdbCursors() {
    }

    /** @return true when the cursor now sits on the first key {@code >= range.start()} (which may be past the end) */
    static boolean seekStart(Cursor<byte[]> cursor, EncodedRange range) {
        if (range.start() == null || range.start().length() == 0) {
            return cursor.first();
        }
        byte[] start = range.start().toByteArray();
        if (start.length <= Store.MAX_KEY_BYTES) {
            return cursor.get(start, GetOp.MDB_SET_RANGE);
        }
        // LMDB rejects an oversized search key; seek by its storable prefix and step past the smaller keys.
        boolean found = cursor.get(Arrays.copyOf(start, Store.MAX_KEY_BYTES), GetOp.MDB_SET_RANGE);
        while (found && Arrays.compareUnsigned(cursor.key(), start) < 0) {
            found = cursor.next();
        }
        return found;
    }
}
