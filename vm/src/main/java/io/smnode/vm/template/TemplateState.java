package io.smnode.vm.template;

/** What a spawned account stores in its {@code state} bytes, decoded. */
public sealed interface TemplateState extends MethodArgs permits WalletState, MultisigState, VaultState {
    /** The SCALE bytes stored in the account (and hashed with the template into the spawned address). */
    byte[] encode();
}
