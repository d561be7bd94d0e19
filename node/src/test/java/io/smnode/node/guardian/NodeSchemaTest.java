package io.smnode.node.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.InMemoryVolume;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.Table;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data dir written before consensus ran in the node (schema 2) opens at schema 3: what it held is kept, the
 * consensus tables are there and empty (the node starts consensus from genesis on it), nothing else is written.
 */
class NodeSchemaTest {
    @Test
    void aSchemaTwoStoreIsMigratedAndKeepsWhatItHeld() {
        InMemoryVolume volume = new InMemoryVolume();
        List<Table<?, ?>> v2 = new ArrayList<>(List.of(NodeSchema.NODE_STATE));
        AtxTables.ALL.stream().filter(t -> t != AtxTables.ATX_RECEIVED).forEach(v2::add);
        AtxId atx = AtxId.of(new byte[AtxId.LENGTH]);
        try (Store old = InMemoryStore.open(new Schema(2, v2, List.of()), volume)) {
            old.write(WriteBatch.builder().put(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER, 42L)
                    .put(AtxTables.ATX_BLOBS, atx, Bytes.of(new byte[] {1, 2})).build());
        }
        try (Store now = InMemoryStore.open(NodeSchema.SCHEMA, volume)) {
            assertEquals(3, now.schemaVersion());
            assertEquals(42L, now.get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER).orElseThrow());
            assertEquals(Bytes.of(new byte[] {1, 2}), now.get(AtxTables.ATX_BLOBS, atx).orElseThrow());
            for (Table<?, ?> t : MeshTables.ALL) {
                assertEquals(0, now.count(t), t.name());
            }
            assertTrue(new StoreMeshReads(now).lastApplied().isEmpty());
        }
    }
}
