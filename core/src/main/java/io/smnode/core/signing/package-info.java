/**
 * Ed25519 signatures as the reference node makes and checks them: {@code prefix || domain byte || message}
 * (transactions: {@code prefix || tx}), verified with curve25519-voi's default rules.
 */
package io.smnode.core.signing;
