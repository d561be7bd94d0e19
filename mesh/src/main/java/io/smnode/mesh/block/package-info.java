/**
 * Blocks, certificates and applying layers (spec 06 §1–§3).
 *
 * <p>{@link io.smnode.mesh.block.BlockGenerator} turns a hare output (the agreed proposals) into a
 * {@link io.smnode.mesh.block.Block} exactly as the reference: rewards per ATX, the union of the proposals'
 * transactions, the consensus order of {@code io.smnode.vm.order} and gas pruning, or an optimistic layer when the
 * proposals' mesh hashes agree with ours. {@link io.smnode.mesh.block.Certifier} makes and collects
 * {@link io.smnode.mesh.block.CertifyMessage}s into {@link io.smnode.mesh.block.Certificate}s, with certifier seats
 * from {@link io.smnode.mesh.block.CertifierEligibility}. {@link io.smnode.mesh.block.MeshState} applies the
 * tortoise's per-layer updates ({@link io.smnode.mesh.block.ValidityUpdate}) through the VM over a
 * {@code Ledger}, reverting and re-applying when a layer's block changes. Everything here is pure: stores, gossip
 * and the tortoise are reached through small ports ({@link io.smnode.mesh.block.BlockSources},
 * {@link io.smnode.mesh.block.MeshSources}, {@link io.smnode.mesh.block.CertifierWeights}).
 */
package io.smnode.mesh.block;
