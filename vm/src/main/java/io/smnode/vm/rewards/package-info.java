/** The issuance curve (bit-exact with the reference's decimal arithmetic), the vault vesting model, the reward split. */
package io.smnode.vm.rewards;
