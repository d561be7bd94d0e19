package io.smnode.persistence;

/** The data directory cannot hold a store (missing and not creatable, not a directory, not writable). */
public final class DataDirectoryException extends StoreException {
    public DataDirectoryException(String message) {
        super(message);
    }
}
