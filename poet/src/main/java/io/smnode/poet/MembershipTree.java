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
        return new MembershipProof(proofOf(members, new long[] {index}), index);
    }

    /**
     * The one proof of several members (ATX v2's {@code MerkleProofV2}, spec 11 §5.2 step 8): the nodes for the
     * distinct, ascending member indices {@code sortedIndices}, in the library's streaming order.
     */
    public static List<Hash32> proof(List<Bytes> members, long[] sortedIndices) {
        return proofOf(members, sortedIndices);
    }

    private static List<Hash32> proofOf(List<Bytes> members, long[] sortedIndices) {
        List<byte[]> leaves = new ArrayList<>(members.size());
        for (Bytes m : members) {
            leaves.add(m.toByteArray());
        }
        List<byte[]> nodes = MerkleTrees.proof(leaves, sortedIndices, new MembershipHash());
        List<Hash32> out = new ArrayList<>(nodes.size());
        for (byte[] n : nodes) {
            out.add(Hash32.of(n));
        }
        return out;
    }

    /**
     * Whether {@code nodes} prove {@code challenges} to be the members at {@code sortedIndices} of the tree whose
     * root is {@code statement}, with the reference validator's rules (the ATX v2 membership check: the same
     * validator as v1's, with several leaves).
     */
    public static boolean verify(List<Bytes> challenges, long[] sortedIndices, List<Hash32> nodes, Bytes statement) {
        List<byte[]> leaves = new ArrayList<>(challenges.size());
        for (Bytes c : challenges) {
            leaves.add(c.toByteArray());
        }
        List<byte[]> proof = new ArrayList<>(nodes.size());
        for (Hash32 n : nodes) {
            proof.add(n.toByteArray());
        }
        return MerkleTrees.verify(sortedIndices, leaves, proof, statement.toByteArray(), new MembershipHash());
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
