/**
 * k2pow (spec 08 §2.2): the RandomX proof of work bound to each nonce group of a PoST proof. RandomX is a consensus
 * hash, so it comes from the reference C library (RandomX v1) bundled by {@code io.xdag:xdagj-native-randomx}.
 */
package io.smnode.post.k2pow;
