package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequential-work prover (spec 09 §3–§4): leaf i = {@code HL(BE8(i) || parked nodes)} added to an incremental
 * tree salted with the statement, then a Fiat–Shamir proof over the stored tree. Work is done in caller-sized
 * steps ({@link #addLeaves}) so a driver can interleave deadline checks and checkpoints; the class itself has no
 * clock. One prover per thread.
 */
public final class PoswProver {
    private final PoswHashes hashes;
    private final TreeStore store;
    private final IncrementalTree tree;
    /** Reused label input: 8 bytes of index plus at most 64 parked nodes. */
    private final byte[] input = new byte[8 + 64 * TreeStore.NODE_SIZE];

    private PoswProver(Bytes statement, TreeStore store, IncrementalTree tree) {
        this.hashes = new PoswHashes(statement.toByteArray());
        this.store = store;
        this.tree = tree;
    }

    /** A fresh prover writing into an empty store. */
    public static PoswProver start(Bytes statement, TreeStore store) {
        PoswHashes h = new PoswHashes(statement.toByteArray());
        return new PoswProver(statement, store, new IncrementalTree(h, store));
    }

    /** Resumes after a checkpoint at {@code leafCount} leaves (layers beyond it are cut back). */
    public static PoswProver resume(Bytes statement, TreeStore store, long leafCount) {
        PoswHashes h = new PoswHashes(statement.toByteArray());
        return new PoswProver(statement, store, IncrementalTree.restore(h, store, leafCount));
    }

    /** Computes the next {@code count} leaves, strictly in order. */
    public void addLeaves(long count) {
        for (long k = 0; k < count; k++) {
            tree.add(hashes.label(input, fillInput(tree.leafCount())));
        }
    }

    /** The label input of leaf {@code index} in the reused buffer (LabelInput's layout); returns its length. */
    private int fillInput(long index) {
        LabelInput.writeIndex(input, index);
        return tree.copyParkedNodes(input, 8);
    }

    public long leafCount() {
        return tree.leafCount();
    }

    public byte[] root() {
        return tree.root();
    }

    /** Makes the stored layers durable; the caller records {@link #leafCount()} alongside as the checkpoint. */
    public void checkpoint() {
        store.flush();
    }

    /** The mainnet proof: T = {@value FiatShamir#T} leaves. */
    public PoetProof proof() {
        return proof(FiatShamir.T);
    }

    /** A proof with security parameter {@code t} over the leaves so far (at least one). */
    public PoetProof proof(int t) {
        long n = tree.leafCount();
        if (n == 0) {
            throw new IllegalStateException("no leaves to prove");
        }
        byte[] root = tree.root();
        long[] indices = FiatShamir.indices(root, n, t);
        List<byte[]> leaves = new ArrayList<>(indices.length);
        for (long i : indices) {
            leaves.add(store.read(0, i));
        }
        List<byte[]> nodes = ProofNodes.generate(new PaddedTree(store, hashes, n), n, indices);
        return new PoetProof(new MerkleProof(Bytes.of(root), MerkleProof.wrap(leaves), MerkleProof.wrap(nodes)), n);
    }
}
