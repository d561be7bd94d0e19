package io.smnode.core.codec;

/**
 * How one type is written to and read from SCALE. Struct codecs are written by hand, field by field in declaration
 * order, using {@link ScaleWriter#field} and {@link ScaleReader#field} so that errors carry the field path.
 */
public interface ScaleCodec<T> {

    void encode(ScaleWriter writer, T value);

    T decode(ScaleReader reader) throws ScaleException;

    /** The decoding half as a lambda-friendly interface. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(ScaleReader reader) throws ScaleException;
    }

    /** The encoding half as a lambda-friendly interface. */
    @FunctionalInterface
    interface Encoder<T> {
        void encode(ScaleWriter writer, T value);
    }

    /** A codec from two lambdas, so a struct codec is a few lines. */
    static <T> ScaleCodec<T> of(Encoder<T> encoder, Decoder<T> decoder) {
        return new ScaleCodec<>() {
            @Override
            public void encode(ScaleWriter writer, T value) {
                encoder.encode(writer, value);
            }

            @Override
            public T decode(ScaleReader reader) throws ScaleException {
                return decoder.decode(reader);
            }
        };
    }
}
