package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;

/** The tables the contract tests use: one per codec, so every codec is exercised as a key. */
final class TestTables {
    static final Table<Long, Bytes> LAYERS = Table.of("layers", Codecs.longs(), Codecs.bytes());
    static final Table<Hash32, String> BLOCKS = Table.of("blocks", Codecs.fixed(Hash32.LENGTH, Hash32::of),
            Codecs.utf8());
    static final Table<String, Long> NAMES = Table.of("names", Codecs.utf8(), Codecs.longs());
    static final Table<Bytes, Bytes> BLOBS = Table.of("blobs", Codecs.bytes(), Codecs.bytes());
    static final PrefixedKeyCodec<NodeId> NODE_EPOCH = Codecs.prefixed(Codecs.fixed(NodeId.LENGTH, NodeId::of),
            NodeId.LENGTH);
    static final Table<PrefixedKey<NodeId>, Hash32> ATX_BY_NODE = Table.of("atx_by_node", NODE_EPOCH,
            Codecs.fixed(Hash32.LENGTH, Hash32::of));

    static final List<Table<?, ?>> ALL = List.of(LAYERS, BLOCKS, NAMES, BLOBS, ATX_BY_NODE);

    private TestTables() {
    }

    static Schema schema(int version, Migration... migrations) {
        return new Schema(version, ALL, List.of(migrations));
    }

    static Bytes filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return Bytes.wrap(b);
    }

    static Hash32 hash(int value) {
        return Hash32.of(filled(Hash32.LENGTH, value).toByteArray());
    }

    static NodeId node(int value) {
        return NodeId.of(filled(NodeId.LENGTH, value).toByteArray());
    }
}
