package io.smnode.persistence.mesh;

import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.InMemoryVolume;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;

/** The consensus store's contract over the in-memory twin; the volume plays the data directory, so reopen works. */
class InMemoryMeshStoreTest extends MeshStoreContractTest {
    private final InMemoryVolume volume = new InMemoryVolume();

    @Override
    protected Store open(Schema schema) {
        return InMemoryStore.open(schema, volume);
    }
}
