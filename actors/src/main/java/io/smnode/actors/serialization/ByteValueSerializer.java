package io.smnode.actors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.function.Function;

/**
 * A value made of bytes (ids, hashes, {@code Bytes}) as its bytes, rebuilt through its own factory on reading, so
 * the reader's invariants (a fixed length) are checked and no cached field travels.
 */
final class ByteValueSerializer<T> extends Serializer<T> {
    private final Function<T, byte[]> bytes;
    private final Function<byte[], T> factory;

    ByteValueSerializer(Function<T, byte[]> bytes, Function<byte[], T> factory) {
        this.bytes = bytes;
        this.factory = factory;
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, T value) {
        byte[] b = bytes.apply(value);
        output.writeVarInt(b.length, true);
        output.writeBytes(b);
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> type) {
        return factory.apply(input.readBytes(input.readVarInt(true)));
    }
}
