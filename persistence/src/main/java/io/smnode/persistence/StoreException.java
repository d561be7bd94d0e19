package io.smnode.persistence;

/**
 * Base of every failure the storage layer reports. Unchecked on purpose: a storage failure is not something the
 * caller can repair at the call site (the StorageActor escalates it), and checked exceptions cannot cross the
 * visitor callbacks that scans use. Each subclass is a distinct, typed reason.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
