/**
 * A deterministic multi-node simulator: N nodes, each running the node's own layer pipeline
 * ({@link io.smnode.mesh.pipeline.LocalPipeline}: proposals, hare, tortoise, blocks, certificates, the VM, rewards,
 * malfeasance) with a real Ed25519/VRF identity and a store of its own, in one thread on a virtual clock, over a
 * seeded network that delays, drops, duplicates, reorders and partitions messages, with adversaries that equivocate,
 * vote late or withhold. Everything travels as its wire bytes. Same config (seed included) → byte-identical run log.
 *
 * <ul>
 *   <li>{@link io.smnode.sim.Simulation}: builds the world from a {@link io.smnode.sim.SimConfig} and runs it to a
 *       {@link io.smnode.sim.SimResult} (per layer and node: hare output, verified layer, mode, opinion, state hash;
 *       the schedule digest; the malfeasance evidence each node holds); nodes can be restarted from their stores.</li>
 *   <li>{@link io.smnode.sim.NetworkConfig}, {@link io.smnode.sim.LinkDelay}, {@link io.smnode.sim.Partition}: the
 *       faults, drawn from the run's one {@link java.util.SplittableRandom}.</li>
 *   <li>{@link io.smnode.sim.SimNode} and {@link io.smnode.sim.Behaviour}: what a node does each layer.</li>
 * </ul>
 *
 * Not simulated: the ATX and beacon protocols (the world gives every node the same ATXs, one per node and epoch,
 * the active set and the beacons), ballot eligibility draws (one slot per node and layer, {@code PerfectVoting}),
 * transactions, and the syncer beyond fetching by id and layer-start polling of peers' proposals.
 */
package io.smnode.sim;
