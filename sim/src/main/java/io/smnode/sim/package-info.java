/**
 * A deterministic multi-node simulator: N nodes, each running the real hare and tortoise cores with a real
 * Ed25519/VRF identity, in one thread on a virtual clock, over a seeded network that delays, drops, duplicates,
 * reorders and partitions messages, with adversaries that equivocate, vote late or withhold. Same config (seed
 * included) → byte-identical run log.
 *
 * <ul>
 *   <li>{@link io.smnode.sim.Simulation}: builds the world from a {@link io.smnode.sim.SimConfig} and runs it to a
 *       {@link io.smnode.sim.SimResult} (per layer and node: hare output, verified layer, mode, opinion; the
 *       schedule digest; the malfeasance evidence each node holds).</li>
 *   <li>{@link io.smnode.sim.NetworkConfig}, {@link io.smnode.sim.LinkDelay}, {@link io.smnode.sim.Partition}: the
 *       faults, drawn from the run's one {@link java.util.SplittableRandom}.</li>
 *   <li>{@link io.smnode.sim.SimNode} and {@link io.smnode.sim.Behaviour}: what a node does each layer.</li>
 * </ul>
 *
 * Not simulated: ATXs, beacons and the active set (fixed at genesis, the same every epoch), block contents and
 * execution, certificates, and the wire form of ballots (they travel as the tortoise's {@code BallotInput}).
 */
package io.smnode.sim;
