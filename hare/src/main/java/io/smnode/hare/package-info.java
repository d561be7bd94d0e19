/** Hare3 agreement: the per-layer protocol state machine and committee eligibility. */
package io.smnode.hare;
