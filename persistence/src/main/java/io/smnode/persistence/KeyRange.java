package io.smnode.persistence;

import io.smnode.core.types.Bytes;

/**
 * Which keys a scan or a range delete covers: all keys, a half-open interval {@code [from, to)} in key order, or
 * every key whose encoding starts with a byte prefix (see {@link PrefixedKeyCodec#rangeOf}). Half-open so that
 * adjacent ranges never overlap. Immutable.
 */
public final class KeyRange<K> {
    private final K from;
    private final K to;
    private final Bytes prefix;

    private KeyRange(K from, K to, Bytes prefix) {
        this.from = from;
        this.to = to;
        this.prefix = prefix;
    }

    public static <K> KeyRange<K> all() {
        return new KeyRange<>(null, null, null);
    }

    /** Keys {@code >= from}. */
    public static <K> KeyRange<K> atLeast(K from) {
        return new KeyRange<>(require(from, "from"), null, null);
    }

    /** Keys {@code < to}. */
    public static <K> KeyRange<K> below(K to) {
        return new KeyRange<>(null, require(to, "to"), null);
    }

    /** Keys {@code >= fromInclusive} and {@code < toExclusive}; empty when {@code to <= from}. */
    public static <K> KeyRange<K> between(K fromInclusive, K toExclusive) {
        return new KeyRange<>(require(fromInclusive, "from"), require(toExclusive, "to"), null);
    }

    /** Keys whose encoded bytes start with {@code encodedPrefix}. */
    public static <K> KeyRange<K> withPrefix(Bytes encodedPrefix) {
        return new KeyRange<>(null, null, require(encodedPrefix, "prefix"));
    }

    /** The byte bounds this range means under {@code codec}. */
    EncodedRange encode(KeyCodec<K> codec) {
        if (prefix != null) {
            return EncodedRange.ofPrefix(prefix.toByteArray());
        }
        return new EncodedRange(from == null ? null : Bytes.wrap(codec.encode(from)),
                to == null ? null : Bytes.wrap(codec.encode(to)));
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("range " + what + " must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        if (prefix != null) {
            return "KeyRange(prefix " + prefix.hex() + ")";
        }
        return "KeyRange[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")";
    }
}
