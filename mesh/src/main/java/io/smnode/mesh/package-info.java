/** The ledger's consensus objects and rules: ATX, beacon, ballots and proposals, blocks, malfeasance. */
package io.smnode.mesh;
