package io.smnode.persistence;

/**
 * The stored schema version cannot be brought to the code's version: the store is newer than the code (refusing
 * protects data written by a newer node from being misread), or no registered migration continues the chain.
 */
public final class SchemaVersionException extends StoreException {
    public SchemaVersionException(String message) {
        super(message);
    }
}
