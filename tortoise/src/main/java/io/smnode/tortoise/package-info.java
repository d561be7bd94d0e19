/**
 * The tortoise (spec 05): decides per layer which blocks are valid. {@link io.smnode.tortoise.Tortoise} takes
 * ATXs, beacons, ballots, blocks, hare outputs, weak coins and malfeasance as inputs and yields
 * {@link io.smnode.tortoise.LayerUpdate}s for the mesh and encoded votes for own ballots. Verifying mode counts
 * only ballots that agree with the local opinion; when it stalls beyond hdist, full mode counts every vote
 * (self-healing). Pure: no clock, no randomness, no I/O. Every call can be traced as a JSON line and replayed
 * ({@link io.smnode.tortoise.trace}).
 */
package io.smnode.tortoise;
