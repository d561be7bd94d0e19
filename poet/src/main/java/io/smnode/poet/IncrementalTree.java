package io.smnode.poet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Merkle tree built leaf by leaf in O(log n) memory (spec 09 §3.3): one parking slot per height holds a left
 * child waiting for its right sibling. The occupied slots, bottom-up, are exactly the left siblings a new leaf's
 * label depends on. Every produced node (leaves included) is appended to the optional {@link TreeStore} so proofs
 * can read complete subtrees later. Not thread-safe.
 */
public final class IncrementalTree {
    private final NodeHash hash;
    private final TreeStore store;
    /** parking.get(h) = the waiting node at height h, or null; as in the reference, layer 0 always exists. */
    private final List<byte[]> parking = new ArrayList<>();
    private long leafCount;

    /** @param store where nodes go, or null to keep only the parking slots (membership roots, tests) */
    public IncrementalTree(NodeHash hash, TreeStore store) {
        this.hash = hash;
        this.store = store;
        parking.add(null);
    }

    /**
     * Rebuilds the parking slots of a tree of {@code leafCount} leaves from its store (recovery, spec 09 §3.3):
     * layers are first cut to {@code leafCount >> h} nodes, then slot h holds node {@code (h, (leafCount >> h) - 1)}
     * whenever bit h of the leaf count is set.
     */
    public static IncrementalTree restore(NodeHash hash, TreeStore store, long leafCount) {
        IncrementalTree tree = new IncrementalTree(hash, store);
        int layers = 64 - Long.numberOfLeadingZeros(leafCount);
        for (int h = 0; h < Math.max(layers, 1); h++) {
            long width = leafCount >>> h;
            if (store.width(h) < width) {
                throw new IllegalStateException("layer " + h + " holds " + store.width(h) + " nodes, need " + width);
            }
            store.truncate(h, width);
            if (h > 0) {
                tree.parking.add(null);
            }
            if ((width & 1) == 1) {
                tree.parking.set(h, store.read(h, width - 1));
            }
        }
        for (int h = Math.max(layers, 1); store.width(h) > 0; h++) {
            store.truncate(h, 0);
        }
        tree.leafCount = leafCount;
        return tree;
    }

    public void add(byte[] leaf) {
        byte[] node = leaf;
        int h = 0;
        while (true) {
            if (store != null) {
                store.append(h, node);
            }
            byte[] left = parking.get(h);
            // As the reference, a zero-length value counts as an empty slot (only reachable with an empty
            // membership challenge; labels and tree nodes are always 32 bytes).
            if (left == null || left.length == 0) {
                parking.set(h, node);
                break;
            }
            node = hash.hash(left, node);
            parking.set(h, null);
            h++;
            if (parking.size() == h) {
                parking.add(null);
            }
        }
        leafCount++;
    }

    public long leafCount() {
        return leafCount;
    }

    /** The parking slots bottom-up, null where empty (the reference's GetParkedNodes, empty = null). */
    public List<byte[]> parkedNodes() {
        return Collections.unmodifiableList(new ArrayList<>(parking));
    }

    /** Writes the occupied parking slots bottom-up into {@code dst} at {@code offset}; returns the end offset. */
    public int copyParkedNodes(byte[] dst, int offset) {
        for (byte[] parked : parking) {
            if (parked != null) {
                System.arraycopy(parked, 0, dst, offset, parked.length);
                offset += parked.length;
            }
        }
        return offset;
    }

    /**
     * The root with the padding rule of spec 09 §3.4, walked as the reference does: carry an ephemeral node up
     * the slots; a missing partner is 32 zero bytes. An empty tree's root is the empty byte string.
     */
    public byte[] root() {
        byte[] ephemeral = null;
        for (int h = 0; h < parking.size(); h++) {
            byte[] parked = parking.get(h);
            if (parked != null && parked.length == 0) {
                parked = null;
            }
            boolean top = h == parking.size() - 1;
            if (top && ephemeral == null) {
                return parked == null ? new byte[0] : parked;
            }
            if (parked != null && ephemeral != null) {
                ephemeral = hash.hash(parked, ephemeral);
            } else if (parked != null) {
                ephemeral = hash.hash(parked, new byte[TreeStore.NODE_SIZE]);
            } else if (ephemeral != null) {
                ephemeral = hash.hash(ephemeral, new byte[TreeStore.NODE_SIZE]);
            }
        }
        return ephemeral;
    }
}
