/** ECVRF-EDWARDS25519-SHA512-ELL2 (draft-irtf-cfrg-vrf-13) keyed by the node's Ed25519 seed. */
package io.smnode.core.vrf;
