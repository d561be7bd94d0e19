package io.smnode.persistence;

import java.util.Set;

/**
 * The per-operation rules every store enforces while it applies a batch. Checked one operation at a time, just
 * before that operation is applied, so a failing operation exercises the rollback of the ones before it.
 */
final class BatchRules {
    private BatchRules() {
    }

    /** LMDB cannot store an empty key nor one longer than its key limit; the in-memory twin mirrors that. */
    static boolean storableKey(byte[] key) {
        return key.length > 0 && key.length <= Store.MAX_KEY_BYTES;
    }

    /** @throws InvalidBatchException naming the operation and the rule it breaks */
    static void check(int index, BatchOp op, Set<String> tables) {
        if (!tables.contains(op.table())) {
            throw new InvalidBatchException("operation " + index + " of the batch targets table " + op.table()
                    + ", which is not in this store's schema");
        }
        int keyLength;
        if (op instanceof BatchOp.Put put) {
            keyLength = put.key().length();
        } else if (op instanceof BatchOp.Delete delete) {
            keyLength = delete.key().length();
        } else {
            return; // a range's bounds are never stored, so any length is fine
        }
        if (keyLength == 0 || keyLength > Store.MAX_KEY_BYTES) {
            throw new InvalidBatchException("operation " + index + " of the batch has a " + keyLength
                    + "-byte key for table " + op.table() + "; keys must be 1 to " + Store.MAX_KEY_BYTES + " bytes");
        }
    }
}
