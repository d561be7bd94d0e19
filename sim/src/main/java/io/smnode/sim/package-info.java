/** A deterministic multi-node simulator: hare and tortoise cores of N nodes over a seeded faulty network. */
package io.smnode.sim;
