/**
 * Accounts and templates, transaction parsing and execution, rewards and issuance, the mempool.
 *
 * <p>{@link io.smnode.vm.Vm#apply} executes a layer over an {@link io.smnode.vm.state.AccountView} and returns a
 * {@link io.smnode.vm.LayerResult}; {@link io.smnode.vm.state.Ledger} holds the accounts and reverts layers.
 * Subpackages: {@code tx} (layout, parsing, building), {@code template} (wallet, multisig, vesting, vault rules),
 * {@code state} (accounts, state hash, genesis), {@code rewards} (issuance curve, split), {@code order} (MT19937-64
 * and the block transaction order), {@code mempool} (conservative state).
 */
package io.smnode.vm;
