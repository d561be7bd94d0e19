package io.smnode.mesh.store;

/**
 * A consensus store that also takes writes, record by record, in the calling thread: what a single-threaded driver
 * (the simulator, a test) persists into. A node's actors write through the storage component's batches instead.
 */
public interface MeshStore extends MeshReads {
    /** Writes one record atomically; reads after this call see it. */
    void apply(MeshRecord record);
}
