/**
 * What the layer pipeline persists and reads back: {@link io.smnode.mesh.store.MeshRecord}s (each one atomic write),
 * the {@link io.smnode.mesh.store.MeshReads} port a node's store implements (over LMDB in the persistence module),
 * and {@link io.smnode.mesh.store.MemoryMeshStore}, the in-memory store the simulator's nodes use.
 */
package io.smnode.mesh.store;
