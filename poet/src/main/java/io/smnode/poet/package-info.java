/** PoET: the sequential-work prover, membership tree, proof verification, round schedule and service logic. */
package io.smnode.poet;
