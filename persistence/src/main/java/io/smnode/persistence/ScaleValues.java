package io.smnode.persistence;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleException;

/** A table value codec over a SCALE codec: bytes the codec does not accept are reported as corrupt data. */
public final class ScaleValues<T> implements ValueCodec<T> {
    private final String typeName;
    private final ScaleCodec<T> codec;

    private ScaleValues(String typeName, ScaleCodec<T> codec) {
        this.typeName = typeName;
        this.codec = codec;
    }

    public static <T> ValueCodec<T> of(String typeName, ScaleCodec<T> codec) {
        return new ScaleValues<>(typeName, codec);
    }

    @Override
    public byte[] encode(T value) {
        return Scale.encode(codec, value);
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return Scale.decode(typeName, codec, bytes);
        } catch (ScaleException e) {
            throw new CorruptDataException("stored " + typeName + " does not decode: " + e.getMessage());
        }
    }
}
