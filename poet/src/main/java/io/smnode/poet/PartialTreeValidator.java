package io.smnode.poet;

import io.smnode.poet.ProofException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a Merkle root from proven leaves and proof nodes, consuming the nodes in the order of spec 09 §4.2 /
 * §6.1 step 3, exactly as the reference validator does (which is what decides acceptance, so its quirks are kept):
 * the root height is not given but found by climbing until the proof nodes run out, and positions are unsigned
 * 64-bit indices whose shifts by 64 or more give 0 (Go semantics). Optionally it also returns, per proven leaf,
 * the left siblings it had when it was added to the tree ("parking snapshots"; null = no sibling at that height).
 * Recursion depth is bounded by 64: a sibling can hold the next leaf only below height 64.
 */
final class PartialTreeValidator {
    /** The computed root and, when requested, one snapshot per proven leaf in leaf order. */
    record Result(byte[] root, List<List<byte[]>> snapshots) {}

    private final long[] indices;
    private final List<byte[]> leaves;
    private final List<byte[]> proofNodes;
    private final NodeHash hash;
    private final boolean keepSnapshots;
    private int nextLeaf;
    private int nextNode;

    private PartialTreeValidator(long[] indices, List<byte[]> leaves, List<byte[]> proofNodes, NodeHash hash,
            boolean keepSnapshots) {
        this.indices = indices;
        this.leaves = leaves;
        this.proofNodes = proofNodes;
        this.hash = hash;
        this.keepSnapshots = keepSnapshots;
    }

    static Result calcRoot(long[] indices, List<byte[]> leaves, List<byte[]> proofNodes, NodeHash hash,
            boolean keepSnapshots) throws ProofException {
        if (indices.length != leaves.size()) {
            throw new ProofException(Reason.INDEX_COUNT_MISMATCH, "number of leaves (" + leaves.size()
                    + ") must equal number of indices (" + indices.length + ")");
        }
        if (leaves.isEmpty()) {
            throw new ProofException(Reason.NO_LEAVES, "at least one leaf is required for validation");
        }
        for (int i = 1; i < indices.length; i++) {
            int c = Long.compareUnsigned(indices[i - 1], indices[i]);
            if (c > 0) {
                throw new ProofException(Reason.INDICES_NOT_SORTED, "leafIndices are not sorted");
            }
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i - 1] == indices[i]) {
                throw new ProofException(Reason.DUPLICATE_INDICES, "leafIndices contain duplicates");
            }
        }
        PartialTreeValidator v = new PartialTreeValidator(indices, leaves, proofNodes, hash, keepSnapshots);
        Frame top = v.calc(Long.MAX_VALUE);
        return new Result(top.node, top.snapshots);
    }

    /** What one climb returns: the node reached and the snapshots of the leaves it absorbed. */
    private record Frame(byte[] node, List<List<byte[]>> snapshots) {}

    private Frame calc(long stopHeight) {
        long index = indices[nextLeaf];
        byte[] active = leaves.get(nextLeaf);
        nextLeaf++;
        long height = 0;
        List<List<byte[]>> owned = new ArrayList<>();
        if (keepSnapshots) {
            owned.add(new ArrayList<>());
        }
        while (height != stopHeight) {
            byte[] sibling;
            List<List<byte[]>> subtree = List.of();
            if (nextLeaf < indices.length && isAncestor(index ^ 1, height, indices[nextLeaf])) {
                Frame f = calc(height);
                sibling = f.node;
                subtree = f.snapshots;
            } else {
                if (nextNode == proofNodes.size()) {
                    break;
                }
                sibling = proofNodes.get(nextNode++);
            }
            if ((index & 1) == 1) {
                addToAll(owned, sibling);
                active = hash.hash(sibling, active);
            } else {
                addToAll(owned, null);
                addToAll(subtree, active);
                owned.addAll(subtree);
                active = hash.hash(active, sibling);
            }
            index >>>= 1;
            height++;
        }
        return new Frame(active, owned);
    }

    /** Whether node (height, position) is an ancestor of (or is) leaf {@code leafIndex}, with Go's shift rule. */
    private static boolean isAncestor(long position, long height, long leafIndex) {
        return position == (height >= 64 ? 0 : leafIndex >>> height);
    }

    private static void addToAll(List<List<byte[]>> snapshots, byte[] node) {
        for (List<byte[]> s : snapshots) {
            s.add(node);
        }
    }
}
