package io.smnode.poet;

/**
 * The parent function of a Merkle tree: {@code parent = hash(left, right)}. Children may be shorter than 32 bytes
 * (a decoded proof node is a byte slice of at most 32 bytes and the reference hashes whatever it got), so the
 * function takes raw arrays. Implementations may reuse one digest and are therefore not thread-safe.
 */
public interface NodeHash {
    byte[] hash(byte[] left, byte[] right);
}
