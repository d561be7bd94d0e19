/**
 * Edwards25519 arithmetic written for consensus-exact verification: field elements mod 2^255-19, points in
 * extended coordinates with canonical decoding, scalars mod L, and RFC 9380 hash-to-curve (ELL2_NU). Signing
 * rules live in {@code io.smnode.core.signing}, the VRF in {@code io.smnode.core.vrf}.
 */
package io.smnode.core.ed25519;
