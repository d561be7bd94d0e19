/** Accounts, their SCALE form and state hash, genesis accounts, and the in-memory ledger with revert. */
package io.smnode.vm.state;
