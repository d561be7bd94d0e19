package io.smnode.persistence;

import io.smnode.core.types.FixedBytes;
import java.util.function.Function;

/**
 * A fixed-width id ({@link FixedBytes} subclass such as {@code Hash32} or {@code NodeId}) stored as its raw bytes,
 * whose unsigned order is the id's own {@link FixedBytes#compareTo} order. The factory is the type's {@code of}.
 */
final class FixedBytesCodec<T extends FixedBytes> implements KeyCodec<T> {
    private final int width;
    private final Function<byte[], T> factory;

    FixedBytesCodec(int width, Function<byte[], T> factory) {
        if (width <= 0) {
            throw new IllegalArgumentException("fixed width must be positive, got " + width);
        }
        this.width = width;
        this.factory = factory;
    }

    int width() {
        return width;
    }

    @Override
    public byte[] encode(T value) {
        if (value.length() != width) {
            throw new IllegalArgumentException("codec is for " + width + "-byte ids, got " + value.length());
        }
        return value.toByteArray();
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes.length != width) {
            throw new CorruptDataException("a fixed id needs " + width + " bytes, found " + bytes.length);
        }
        return factory.apply(bytes);
    }
}
