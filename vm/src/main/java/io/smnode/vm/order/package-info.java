/** Deterministic ordering for blocks and proposals: MT19937-64, Go's Shuffle, the nonce-order walk, gas pruning. */
package io.smnode.vm.order;
