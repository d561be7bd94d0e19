package io.smnode.persistence.mesh;

import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.persistence.Store;

/**
 * A single-threaded driver's view of a {@link Store} (the tests' simulator nodes): reads through
 * {@link StoreMeshReads}, each record committed as its {@link MeshWrites} batch before the next read, which is what
 * a node's storage component does for its actors.
 */
final class StoreBackedMeshStore extends ForwardingMeshStore {
    private final Store store;
    private final MeshReads reads;

    StoreBackedMeshStore(Store store) {
        this.store = store;
        this.reads = new StoreMeshReads(store);
    }

    @Override
    protected MeshReads reads() {
        return reads;
    }

    @Override
    public void apply(MeshRecord record) {
        store.write(MeshWrites.batch(record));
    }
}
