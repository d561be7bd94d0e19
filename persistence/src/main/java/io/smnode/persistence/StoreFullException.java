package io.smnode.persistence;

/** A batch did not fit even after the store grew to its configured maximum size; nothing of it was written. */
public final class StoreFullException extends StoreException {
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
