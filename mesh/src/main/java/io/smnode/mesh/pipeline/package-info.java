/**
 * The layer pipeline as pure coordinators: deterministic, single-threaded classes that take events (a layer
 * started, a message received, a timer fired, another coordinator's hand-over) and return {@link
 * io.smnode.mesh.pipeline.Decision}s (publish, persist, schedule, fetch, mark malicious, log, or a hand-over). Time
 * and randomness are inputs; nothing here reads a clock, starts a thread or touches storage. Each future actor owns
 * one coordinator; the simulator and {@link io.smnode.mesh.pipeline.LocalPipeline} drive them all in one thread.
 *
 * <table>
 *   <caption>Who owns what, and what each is fed</caption>
 *   <tr><th>coordinator (actor)</th><th>events</th><th>hand-overs it emits</th></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.ProposalChecks} (parallel workers)</td><td>proposal / ballot bytes</td>
 *       <td>a {@code Checked} verdict, the decoded object, a fetch</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.ProposalIntake} (ProposalHandler)</td><td>pp1 gossip, fetched proposals
 *       and ballots, {@code complete} with the tortoise's outcome, dependencies stored</td><td>ProposalStored</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.TortoiseCoordinator} (Tortoise)</td><td>ATXs, beacons, malicious ids,
 *       validated ballots, HareBlock, BlockStored, WeakCoin, Applied, layer start; encodeVotes on request</td>
 *       <td>BallotStored, LayerUpdates, ProofFound, Fetch (base ballots)</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.HareCoordinator} (Hare)</td><td>layer start with its time, round timers,
 *       /h/3.0 gossip, ProposalStored, beacons, active sets, malicious ids</td>
 *       <td>HareOutput, WeakCoin, ProofFound</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.BlockCoordinator} (BlockGenerator, Certifier)</td><td>HareOutput,
 *       ProposalStored, BallotStored, HareBlock (optimistic), bc1 gossip, certificates and blocks from sync</td>
 *       <td>HareBlock, ExecuteOptimistic, BlockStored, Fetch</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.MeshCoordinator} (Mesh, with the VM)</td><td>LayerUpdates, HareBlock,
 *       BlockStored, ExecuteOptimistic</td><td>Applied, HareBlock (optimistic), Fetch (blocks)</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.ProposalBuilder} (ProposalBuilder)</td><td>beacons, active sets;
 *       {@code eligible(layer)} then {@code build} with the tortoise's votes, the mesh hash, the mempool's
 *       transactions</td><td>pp1 publication (this node's intake takes its own proposal as a peer's)</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.BeaconCoordinator} (Beacon)</td><td>layer start, beacon timers, bp1/bf1/
 *       bo1/bw1 gossip, BallotStored, bootstrap beacons</td><td>BeaconDecided</td></tr>
 *   <tr><td>{@link io.smnode.mesh.pipeline.MalfeasanceCoordinator} (Malfeasance)</td><td>mp1 gossip, ProofFound</td>
 *       <td>MarkMalicious</td></tr>
 * </table>
 *
 * Every validation result is a {@link io.smnode.core.verdict.Verdict}. A node publishes a message and its pubsub
 * hands the node's own copy to its own intake (hare excepted: a session files its own messages itself).
 */
package io.smnode.mesh.pipeline;
