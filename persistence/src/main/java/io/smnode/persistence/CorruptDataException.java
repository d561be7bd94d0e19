package io.smnode.persistence;

/**
 * Stored bytes could not be decoded by the table's codec. The store only holds bytes its own codecs wrote, so this
 * means corruption or a codec change without a migration; it is a typed reason rather than a stray runtime error.
 */
public final class CorruptDataException extends StoreException {
    public CorruptDataException(String message) {
        super(message);
    }
}
