package io.smnode.activation.v2;

import io.smnode.core.types.Address;
import io.smnode.core.types.Hash32;
import io.smnode.poet.MembershipHash;
import io.smnode.poet.MerkleTrees;
import io.smnode.poet.NodeHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The merkle tree behind every ATX v2 id and sub-root (spec 11 §3.1–3.2): the merkle-tree library's tree with the
 * parent {@code BLAKE3(0x01 || left || right)} (the PoET membership tree's function), 32-byte leaves used as given,
 * unpaired nodes paired with 32 zero bytes, and lists padded with zero leaves to their wire maximum before the tree
 * is built (so an empty list's root is the root of an all-zero tree, not zero). Stateless and thread-safe.
 */
public final class AtxTree {
    /** The capacity of the padded lists: previous ATXs, sub-posts and marriages 256, NIPoSTs 4. */
    public static final int LIST_CAPACITY = 256;
    public static final int NIPOSTS_CAPACITY = 4;
    private static final int MAX_HEIGHT = 8;
    /** ZERO_ROOTS[h] = the root of 2^h zero leaves. */
    private static final Hash32[] ZERO_ROOTS = new Hash32[MAX_HEIGHT + 1];

    static {
        ZERO_ROOTS[0] = Hash32.ZERO;
        for (int h = 1; h <= MAX_HEIGHT; h++) {
            ZERO_ROOTS[h] = parent(ZERO_ROOTS[h - 1], ZERO_ROOTS[h - 1]);
        }
    }

    private AtxTree() {}

    /** {@code BLAKE3(0x01 || left || right)}. */
    public static Hash32 parent(Hash32 left, Hash32 right) {
        return Hash32.of(hash().hash(left.toByteArray(), right.toByteArray()));
    }

    /** The root of a fixed-shape tree (the 9 ATX fields, 5 sub-post fields, 3 NIPoST fields, 2 initial fields). */
    public static Hash32 root(List<Hash32> leaves) {
        return Hash32.of(MerkleTrees.root(bytes(leaves), hash()));
    }

    /**
     * The root of {@code leaves} padded with zero leaves to {@code capacity} (a power of two), as the reference
     * builds it; the zero subtrees are precomputed, so a list of k entries costs about {@code k·log2(capacity)}
     * hashes instead of {@code capacity}.
     */
    public static Hash32 paddedRoot(List<Hash32> leaves, int capacity) {
        int height = heightOf(capacity, leaves.size());
        List<Hash32> level = leaves;
        for (int h = 0; h < height; h++) {
            if (level.isEmpty()) {
                return ZERO_ROOTS[height];
            }
            List<Hash32> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(parent(level.get(i), i + 1 < level.size() ? level.get(i + 1) : ZERO_ROOTS[h]));
            }
            level = up;
        }
        return level.isEmpty() ? ZERO_ROOTS[height] : level.get(0);
    }

    /** The proof of leaf {@code index} of a fixed-shape tree: its siblings bottom-up, padding included. */
    public static List<Hash32> proof(List<Hash32> leaves, int index) {
        List<byte[]> nodes = MerkleTrees.proof(bytes(leaves), new long[] {index}, hash());
        List<Hash32> out = new ArrayList<>(nodes.size());
        for (byte[] n : nodes) {
            out.add(Hash32.of(n));
        }
        return out;
    }

    /** The proof of entry {@code index} of a list padded to {@code capacity}, as {@link #paddedRoot} builds it. */
    public static List<Hash32> paddedProof(List<Hash32> leaves, int capacity, int index) {
        int height = heightOf(capacity, leaves.size());
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException("entry " + index + " of " + leaves.size());
        }
        List<Hash32> out = new ArrayList<>(height);
        List<Hash32> level = leaves;
        int position = index;
        for (int h = 0; h < height; h++) {
            int sibling = position ^ 1;
            out.add(sibling < level.size() ? level.get(sibling) : ZERO_ROOTS[h]);
            List<Hash32> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(parent(level.get(i), i + 1 < level.size() ? level.get(i + 1) : ZERO_ROOTS[h]));
            }
            level = up;
            position >>>= 1;
        }
        return out;
    }

    /**
     * Whether {@code proof} proves {@code leaf} at {@code index} under {@code root}, decided by the library's
     * validator as the reference calls it (the proof's length decides the tree's height).
     */
    public static boolean verify(Hash32 root, Hash32 leaf, List<Hash32> proof, long index) {
        return MerkleTrees.verify(new long[] {index}, List.of(leaf.toByteArray()), bytes(proof), root.toByteArray(),
                hash());
    }

    /** A uint32 field as a leaf: 4 bytes little-endian, then zeros. */
    public static Hash32 u32Leaf(long value) {
        return u64Leaf(value & 0xffff_ffffL);
    }

    /** A uint64 field as a leaf: 8 bytes little-endian, then zeros. */
    public static Hash32 u64Leaf(long value) {
        byte[] b = new byte[Hash32.LENGTH];
        for (int i = 0; i < Long.BYTES; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return Hash32.of(b);
    }

    /** A coinbase as a leaf: its 24 bytes, then zeros. */
    public static Hash32 addressLeaf(Address address) {
        byte[] b = new byte[Hash32.LENGTH];
        address.copyTo(b, 0);
        return Hash32.of(b);
    }

    private static int heightOf(int capacity, int size) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1 || capacity > (1 << MAX_HEIGHT)) {
            throw new IllegalArgumentException("capacity must be a power of two up to 256, got " + capacity);
        }
        if (size > capacity) {
            throw new IllegalArgumentException(size + " entries exceed the capacity " + capacity);
        }
        return Integer.numberOfTrailingZeros(capacity);
    }

    /** A fresh parent function: the digest it holds is not thread-safe. */
    private static NodeHash hash() {
        return new MembershipHash();
    }

    private static List<byte[]> bytes(List<Hash32> nodes) {
        List<byte[]> out = new ArrayList<>(nodes.size());
        for (Hash32 n : nodes) {
            out.add(n.toByteArray());
        }
        return out;
    }
}
