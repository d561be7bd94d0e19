package io.smnode.poet;

import java.util.Arrays;
import java.util.List;

/**
 * The spacemeshos/merkle-tree library's trees over a list of leaves with any parent function (spec 11 §3.1, 09 §3):
 * leaves are used as given, an unpaired node at any level is paired with 32 zero bytes, one leaf is its own root.
 * Proofs list the siblings in the library's streaming order (for one leaf: the plain bottom-up path, padding
 * included) and are checked with the library's validator, whose consumption rule decides the tree's height. The
 * membership tree and the ATX v2 id tree are both this tree, with different parent functions and leaves.
 */
public final class MerkleTrees {
    private MerkleTrees() {}

    /** The root of {@code leaves}; the empty byte string for no leaves (as the library returns). */
    public static byte[] root(List<byte[]> leaves, NodeHash hash) {
        IncrementalTree tree = new IncrementalTree(hash, null);
        for (byte[] leaf : leaves) {
            tree.add(leaf);
        }
        return tree.root();
    }

    /**
     * The proof of the leaves at {@code sortedIndices} (distinct, ascending, each below the leaf count): the
     * sibling nodes in the order the library's proving tree emits them. Leaves must be 32 bytes long.
     */
    public static List<byte[]> proof(List<byte[]> leaves, long[] sortedIndices, NodeHash hash) {
        for (int i = 0; i < sortedIndices.length; i++) {
            if (sortedIndices[i] < 0 || sortedIndices[i] >= leaves.size()
                    || (i > 0 && sortedIndices[i] <= sortedIndices[i - 1])) {
                throw new IllegalArgumentException("proven indices must be distinct, ascending leaf indices, got "
                        + Arrays.toString(sortedIndices) + " of " + leaves.size() + " leaves");
            }
        }
        MemoryTreeStore store = new MemoryTreeStore();
        IncrementalTree tree = new IncrementalTree(hash, store);
        for (byte[] leaf : leaves) {
            tree.add(leaf);
        }
        return ProofNodes.generate(new PaddedTree(store, hash, leaves.size()), leaves.size(), sortedIndices);
    }

    /**
     * Whether {@code proofNodes} rebuild {@code root} from {@code leaves} at {@code indices}, as the library's
     * {@code ValidatePartialTree} decides: unsorted or repeated indices and a leaf count that differs from the index
     * count prove nothing.
     */
    public static boolean verify(long[] indices, List<byte[]> leaves, List<byte[]> proofNodes, byte[] root,
                                 NodeHash hash) {
        try {
            byte[] rebuilt = PartialTreeValidator.calcRoot(indices, leaves, proofNodes, hash, false).root();
            return Arrays.equals(rebuilt, root);
        } catch (ProofException e) {
            return false;
        }
    }
}
