package io.smnode.actors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's unmodifiable lists ({@code List.of}, {@code List.copyOf}, which records use to stay immutable) have no
 * constructor Kryo can call: written as their elements, read back as {@code List.copyOf}.
 */
final class ImmutableListSerializer extends Serializer<List<?>> {
    ImmutableListSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
        output.writeVarInt(list.size(), true);
        for (Object element : list) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
        int size = input.readVarInt(true);
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(kryo.readClassAndObject(input));
        }
        return List.copyOf(out);
    }
}
