/**
 * Hare3 agreement: the per-layer protocol state machine and committee eligibility. Pure: inputs in, decisions
 * out; no clock, network or storage.
 *
 * <ul>
 *   <li>{@link io.smnode.hare.HareProtocol}: the state machine (graded gossip, thresh-gossip, gradecast, locks,
 *       result, weak coin), driven by {@code onInput} and {@code next}.</li>
 *   <li>{@link io.smnode.hare.HareSession}: one layer with signatures and eligibility: gossip bytes in,
 *       {@link io.smnode.hare.MessageOutcome}s (a verdict and any equivocation) out; {@code next} at each round timer returns signed messages, coin,
 *       result.</li>
 *   <li>{@link io.smnode.hare.HareOracle}: the VRF message, seats, and the check of a claimed count.</li>
 *   <li>{@link io.smnode.hare.HareCodecs}: SCALE of the wire types; hostile bytes give
 *       {@link io.smnode.hare.InvalidHareMessageException}.</li>
 *   <li>{@link io.smnode.hare.HareEquivocation}: the malfeasance proof of two messages for one round.</li>
 *   <li>{@link io.smnode.hare.InitialSet}: which stored proposals go into the preround message.</li>
 *   <li>{@link io.smnode.hare.HareTiming}: when each round fires, as an offset from the layer start.</li>
 * </ul>
 */
package io.smnode.hare;
