package io.smnode.persistence;

/**
 * One operation of a batch broke a store rule (unknown table, empty or oversized key); the whole batch was rolled
 * back, so the store is exactly as it was before the write.
 */
public final class InvalidBatchException extends StoreException {
    public InvalidBatchException(String message) {
        super(message);
    }
}
