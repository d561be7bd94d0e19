package io.smnode.poet;

/**
 * Read access to any node of a stored tree of {@code n} leaves under the padding rule of spec 09 §3.4: a node
 * wholly beyond the last leaf is 32 zero bytes, a complete node is read from the store, and a partial node (on
 * the right edge) is hashed from its two children.
 */
final class PaddedTree {
    private final TreeStore store;
    private final NodeHash hash;
    private final long leafCount;

    PaddedTree(TreeStore store, NodeHash hash, long leafCount) {
        this.store = store;
        this.hash = hash;
        this.leafCount = leafCount;
    }

    /** Root height H = ceil(log2 n), 0 for one leaf. */
    static int rootHeight(long leafCount) {
        return leafCount <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(leafCount - 1);
    }

    byte[] value(int height, long index) {
        long complete = leafCount >>> height;
        if (index < complete) {
            return store.read(height, index);
        }
        boolean partial = index == complete && (leafCount & ((1L << height) - 1)) != 0;
        if (!partial) {
            return new byte[TreeStore.NODE_SIZE];
        }
        return hash.hash(value(height - 1, 2 * index), value(height - 1, 2 * index + 1));
    }
}
