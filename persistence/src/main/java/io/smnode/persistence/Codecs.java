package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import java.util.function.Function;

/** The codecs tables are built from; every one is order-preserving, so each can serve as a key or a value codec. */
public final class Codecs {
    private Codecs() {
    }

    /** Unsigned big-endian {@code long}: layers, epochs, counters. */
    public static KeyCodec<Long> longs() {
        return LongCodec.INSTANCE;
    }

    /** Variable-length raw bytes. */
    public static KeyCodec<Bytes> bytes() {
        return BytesCodec.INSTANCE;
    }

    /** Strict UTF-8 strings. */
    public static KeyCodec<String> utf8() {
        return Utf8Codec.INSTANCE;
    }

    /** A fixed-width id, e.g. {@code Codecs.fixed(Hash32.LENGTH, Hash32::of)}. */
    public static <T extends FixedBytes> KeyCodec<T> fixed(int width, Function<byte[], T> factory) {
        return new FixedBytesCodec<>(width, factory);
    }

    /** (fixed-width prefix, number) keys; {@code prefixWidth} is the prefix codec's constant encoded length. */
    public static <P> PrefixedKeyCodec<P> prefixed(KeyCodec<P> prefixCodec, int prefixWidth) {
        return new PrefixedKeyCodec<>(prefixCodec, prefixWidth);
    }
}
