package io.smnode.core.codec;

import io.smnode.core.types.Amount;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decoders by name, for tools that turn bytes into JSON (the CLI's {@code decode TYPE HEX}). The registry is a
 * plain object, open for registration: each module adds its own structs (ATX, ballot, ...) to the core set.
 * Decoding uses go-spacemesh's rules (nesting 6, whole input consumed) and names the type at the root of error
 * paths.
 */
public final class ScaleTypes {
    private final Map<String, Entry<?>> types = new TreeMap<>();

    private record Entry<T>(ScaleCodec<T> codec, Function<? super T, Object> toTree) {
        Object decode(String name, byte[] bytes) throws ScaleException {
            return toTree.apply(Scale.decode(name, codec, bytes));
        }
    }

    /** An empty registry. */
    public ScaleTypes() {}

    /** The primitive and core value types. */
    public static ScaleTypes withCoreTypes() {
        return new ScaleTypes()
                .register("compact_u8", ScaleCodecs.COMPACT_U8, v -> (long) v)
                .register("compact_u16", ScaleCodecs.COMPACT_U16, v -> (long) v)
                .register("compact_u32", ScaleCodecs.COMPACT_U32, v -> v)
                .register("compact_u64", ScaleCodecs.COMPACT_U64, Trees::unsigned)
                .register("bool", ScaleCodecs.BOOL, v -> v)
                .register("bytes", ScaleCodecs.BYTES, Trees::hex)
                .register("string", ScaleCodecs.STRING, v -> v)
                .register("u8", ScaleCodecs.U8, v -> (long) v)
                .register("u16_le", ScaleCodecs.U16_LE, v -> (long) v)
                .register("u32_le", ScaleCodecs.U32_LE, v -> v)
                .register("u64_le", ScaleCodecs.U64_LE, Trees::unsigned)
                .register("option_compact_u64", ScaleCodecs.intOption(ScaleCodecs.COMPACT_U64),
                        v -> Trees.option(v, Trees::unsigned))
                .register("hash32", CoreCodecs.HASH32, Trees::hex)
                .register("hash20", CoreCodecs.HASH20, Trees::hex)
                .register("node_id", CoreCodecs.NODE_ID, Trees::hex)
                .register("atx_id", CoreCodecs.ATX_ID, Trees::hex)
                .register("ballot_id", CoreCodecs.BALLOT_ID, Trees::hex)
                .register("proposal_id", CoreCodecs.PROPOSAL_ID, Trees::hex)
                .register("block_id", CoreCodecs.BLOCK_ID, Trees::hex)
                .register("tx_id", CoreCodecs.TX_ID, Trees::hex)
                .register("address", CoreCodecs.ADDRESS, Trees::hex)
                .register("layer_id", CoreCodecs.LAYER_ID, LayerId::value)
                .register("epoch_id", CoreCodecs.EPOCH_ID, EpochId::value)
                .register("amount", CoreCodecs.AMOUNT, (Amount a) -> Trees.unsigned(a.raw()));
    }

    /**
     * Adds a type. {@code toTree} turns a decoded value into the tree shapes {@link Trees} documents.
     *
     * @throws IllegalArgumentException when the name is already taken
     */
    public <T> ScaleTypes register(String name, ScaleCodec<T> codec, Function<? super T, Object> toTree) {
        if (types.containsKey(name)) {
            throw new IllegalArgumentException("type name '" + name + "' is already registered");
        }
        types.put(name, new Entry<>(codec, toTree));
        return this;
    }

    /** Registered names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(types.keySet());
    }

    /**
     * Decodes {@code bytes} (all of them) as the named type into a JSON-ready tree.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public Object decodeToTree(String typeName, byte[] bytes) throws ScaleException {
        Entry<?> entry = types.get(typeName);
        if (entry == null) {
            throw new IllegalArgumentException("unknown type '" + typeName + "'; known types: "
                    + String.join(", ", types.keySet()));
        }
        return entry.decode(typeName, bytes);
    }
}
