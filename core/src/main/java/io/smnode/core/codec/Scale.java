package io.smnode.core.codec;

/**
 * Entry points: a whole value to bytes and back. Decoding requires the input to be consumed exactly, as
 * go-spacemesh's {@code codec.Decode} does; both directions use go-spacemesh's nesting limit unless told.
 */
public final class Scale {
    private Scale() {}

    public static <T> byte[] encode(ScaleCodec<T> codec, T value) {
        return encode(codec, value, ScaleReader.SPACEMESH_MAX_NESTED);
    }

    public static <T> byte[] encode(ScaleCodec<T> codec, T value, int maxNested) {
        ScaleWriter writer = new ScaleWriter(maxNested);
        codec.encode(writer, value);
        return writer.toByteArray();
    }

    public static <T> T decode(ScaleCodec<T> codec, byte[] bytes) throws ScaleException {
        return decode(codec, bytes, ScaleReader.SPACEMESH_MAX_NESTED);
    }

    public static <T> T decode(ScaleCodec<T> codec, byte[] bytes, int maxNested) throws ScaleException {
        ScaleReader reader = new ScaleReader(bytes, maxNested);
        T value = codec.decode(reader);
        reader.finish();
        return value;
    }

    /** As {@link #decode(ScaleCodec, byte[])}, with {@code typeName} as the first element of error paths. */
    public static <T> T decode(String typeName, ScaleCodec<T> codec, byte[] bytes) throws ScaleException {
        ScaleReader reader = new ScaleReader(bytes);
        T value = reader.field(typeName, codec);
        reader.finish();
        return value;
    }
}
