/** The conservative-state mempool: projected nonces and balances per account, proposal selection. */
package io.smnode.vm.mempool;
