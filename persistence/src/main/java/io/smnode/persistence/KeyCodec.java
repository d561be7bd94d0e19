package io.smnode.persistence;

/**
 * A {@link ValueCodec} whose encoding is order-preserving: comparing two encodings as unsigned bytes
 * (lexicographically, a shorter prefix first, which is how LMDB sorts) gives the order range scans should follow.
 * Encodings must never be empty, because LMDB cannot store an empty key.
 */
public interface KeyCodec<T> extends ValueCodec<T> {
}
