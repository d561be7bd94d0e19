package io.smnode.persistence;

/**
 * A composite key: a fixed-width prefix (an id) followed by a number, e.g. (node id, epoch). Encoded with
 * {@link Codecs#prefixed}, all keys sharing a prefix are contiguous and ordered by the number, so "everything of
 * this node" is one prefix scan.
 */
public record PrefixedKey<P>(P prefix, long number) {
    public PrefixedKey {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
    }
}
