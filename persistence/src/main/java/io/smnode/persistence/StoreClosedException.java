package io.smnode.persistence;

/** The store (or a snapshot view handed to a callback) was used after it was closed. */
public final class StoreClosedException extends StoreException {
    public StoreClosedException(String message) {
        super(message);
    }
}
