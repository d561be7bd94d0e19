package io.smnode.poet;

import java.util.ArrayList;
import java.util.List;

/**
 * The proof nodes of a multi-leaf Merkle proof, in the order the reference's {@code GenerateProof} emits them and
 * its validator consumes them (spec 09 §4.2): climbing from each proven leaf, a sibling whose subtree holds the
 * next proven leaf is descended into first (its own nodes come before the climb resumes), any other sibling is
 * emitted as a node.
 */
final class ProofNodes {
    private final PaddedTree tree;
    private final long[] proven;
    private final int rootHeight;
    private final List<byte[]> out = new ArrayList<>();
    private int next;

    private ProofNodes(PaddedTree tree, long[] proven, int rootHeight) {
        this.tree = tree;
        this.proven = proven;
        this.rootHeight = rootHeight;
    }

    /** @param sortedIndices distinct proven leaf indices, ascending, each below the tree's leaf count */
    static List<byte[]> generate(PaddedTree tree, long leafCount, long[] sortedIndices) {
        ProofNodes p = new ProofNodes(tree, sortedIndices, PaddedTree.rootHeight(leafCount));
        if (sortedIndices.length > 0) {
            p.emit(Integer.MAX_VALUE);
        }
        return p.out;
    }

    private void emit(int stop) {
        long j = proven[next++];
        for (int h = 0; h != stop && h < rootHeight; h++, j >>>= 1) {
            long sibling = j ^ 1;
            if (next < proven.length && (proven[next] >>> h) == sibling) {
                emit(h);
            } else {
                out.add(tree.value(h, sibling));
            }
        }
    }
}
