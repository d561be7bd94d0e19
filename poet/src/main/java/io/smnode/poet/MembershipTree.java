package io.smnode.poet;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tree over a round's registered challenges (spec 09 §2.3): leaves are the raw challenges (32 bytes from
 * go-spacemesh; the server does not interpret them) in member
 * order (ascending node id), parents {@code BLAKE3(0x01 || l || r)}, zero-node padding; its root is the round's
 * statement. One member ⇒ the root is that challenge; no members ⇒ the empty byte string.
 */
public final class MembershipTree {
    private MembershipTree() {}

    public static Bytes root(List<Bytes> members) {
        IncrementalTree tree = new IncrementalTree(new MembershipHash(), null);
        for (Bytes m : members) {
            tree.add(m.toByteArray());
        }
        return Bytes.wrap(tree.root());
    }

    /** The proof for the member at {@code index} (nodes bottom-up, padding included, as the reference emits). */
    public static MembershipProof proof(List<Bytes> members, int index) {
        if (index < 0 || index >= members.size()) {
            throw new IndexOutOfBoundsException("member " + index + " of " + members.size());
        }
        MemoryTreeStore store = new MemoryTreeStore();
        MembershipHash hash = new MembershipHash();
        IncrementalTree tree = new IncrementalTree(hash, store);
        for (Bytes m : members) {
            tree.add(m.toByteArray());
        }
        List<byte[]> nodes = ProofNodes.generate(new PaddedTree(store, hash, members.size()), members.size(),
                new long[] {index});
        List<Hash32> out = new ArrayList<>(nodes.size());
        for (byte[] n : nodes) {
            out.add(Hash32.of(n));
        }
        return new MembershipProof(out, index);
    }

    /**
     * Accepts iff the root rebuilt from {@code (leafIndex, challenge, nodes)} equals {@code statement}, with the
     * reference validator's consumption rule (the nodes decide the height).
     */
    public static void verify(Bytes challenge, MembershipProof proof, Bytes statement) throws ProofException {
        List<byte[]> nodes = new ArrayList<>(proof.nodes().size());
        for (Hash32 n : proof.nodes()) {
            nodes.add(n.toByteArray());
        }
        byte[] root = PartialTreeValidator.calcRoot(new long[] {proof.leafIndex()},
                List.of(challenge.toByteArray()), nodes, new MembershipHash(), false).root();
        if (!Arrays.equals(root, statement.toByteArray())) {
            throw new ProofException(ProofException.Reason.ROOT_MISMATCH,
                    "calculated root does not match the statement");
        }
    }
}
