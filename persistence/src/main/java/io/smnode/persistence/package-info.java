/**
 * Storage: an LMDB environment with typed tables and atomic batches, and an in-memory twin behind one interface.
 *
 * <p>The port is {@link io.smnode.persistence.Store}: {@link io.smnode.persistence.Table}s declared up front in a
 * {@link io.smnode.persistence.Schema}, snapshot reads ({@link io.smnode.persistence.Reads}), and writes only
 * through an immutable {@link io.smnode.persistence.WriteBatch} committed all-or-nothing. Both implementations
 * share the typed layer ({@code ByteReads}), the per-operation rules ({@code BatchRules}) and the schema upgrade
 * ({@code SchemaUpgrade}); they differ only in how bytes are kept.
 */
package io.smnode.persistence;
