package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encodes {@link PrefixedKey} as the prefix's fixed-width encoding followed by the number as 8 big-endian bytes.
 * The prefix must be fixed-width, otherwise a short prefix's number bytes would interleave with a longer prefix.
 */
public final class PrefixedKeyCodec<P> implements KeyCodec<PrefixedKey<P>> {
    private final KeyCodec<P> prefixCodec;
    private final int prefixWidth;

    PrefixedKeyCodec(KeyCodec<P> prefixCodec, int prefixWidth) {
        if (prefixWidth <= 0) {
            throw new IllegalArgumentException("prefix width must be positive, got " + prefixWidth);
        }
        this.prefixCodec = prefixCodec;
        this.prefixWidth = prefixWidth;
    }

    /** The range holding every key whose prefix is {@code prefix}, in number order. */
    public KeyRange<PrefixedKey<P>> rangeOf(P prefix) {
        return KeyRange.withPrefix(Bytes.wrap(encodePrefix(prefix)));
    }

    @Override
    public byte[] encode(PrefixedKey<P> key) {
        return ByteBuffer.allocate(prefixWidth + LongCodec.WIDTH)
                .put(encodePrefix(key.prefix()))
                .putLong(key.number())
                .array();
    }

    @Override
    public PrefixedKey<P> decode(byte[] bytes) {
        if (bytes.length != prefixWidth + LongCodec.WIDTH) {
            throw new CorruptDataException("a prefixed key needs " + (prefixWidth + LongCodec.WIDTH)
                    + " bytes, found " + bytes.length);
        }
        P prefix = prefixCodec.decode(Arrays.copyOf(bytes, prefixWidth));
        return new PrefixedKey<>(prefix, ByteBuffer.wrap(bytes, prefixWidth, LongCodec.WIDTH).getLong());
    }

    private byte[] encodePrefix(P prefix) {
        byte[] encoded = prefixCodec.encode(prefix);
        if (encoded.length != prefixWidth) {
            throw new IllegalArgumentException("prefix must encode to " + prefixWidth + " bytes, got "
                    + encoded.length);
        }
        return encoded;
    }
}
