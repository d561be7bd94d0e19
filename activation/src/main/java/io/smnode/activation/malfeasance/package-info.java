/**
 * Malfeasance v2 (spec 11 §6): the envelope gossiped on {@code mp2} and fetched by node id with hint
 * {@code malfeasance2}, the ATX-domain proofs (double marry, double merge, invalid PoST, invalid previous ATX
 * v2/v1 and v2/v2) with their SCALE encoding and validity rules, their detection from what ATX v2 validation and
 * storing see, and what a valid proof does to the accused's equivocation set. Pure: signatures and PoST label
 * checks are the {@link io.smnode.activation.malfeasance.MalfeasanceChecks} port, storage the activation ports.
 */
package io.smnode.activation.malfeasance;
