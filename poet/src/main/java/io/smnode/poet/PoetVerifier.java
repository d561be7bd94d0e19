package io.smnode.poet;

import io.smnode.core.types.Bytes;
import io.smnode.poet.PartialTreeValidator.Result;
import io.smnode.poet.ProofException.Reason;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies a PoET proof the way go-spacemesh's {@code validatePoet} → poet's {@code verifier.Validate} does
 * (spec 09 §6.1): T proven leaves; indices from Fiat–Shamir over the claimed root; root rebuilt with the
 * statement-salted tree hash while recording each leaf's left siblings; every leaf must be the label of its index
 * and those siblings. Never throws unchecked on hostile input.
 */
public final class PoetVerifier {
    private PoetVerifier() {}

    /** Mainnet rule: T = {@value FiatShamir#T}. */
    public static void verify(MerkleProof proof, Bytes statement, long leafCount) throws ProofException {
        verify(proof, statement, leafCount, FiatShamir.T);
    }

    /** With an explicit security parameter (the reference tests use small ones). */
    public static void verify(MerkleProof proof, Bytes statement, long leafCount, int securityParam)
            throws ProofException {
        if (proof.provenLeaves().size() != securityParam) {
            throw new ProofException(Reason.WRONG_PROVEN_LEAF_COUNT, "number of proven leaves ("
                    + proof.provenLeaves().size() + ") must be equal to security param (" + securityParam + ")");
        }
        byte[] root = proof.root().toByteArray();
        long[] indices = FiatShamir.indices(root, leafCount, securityParam);
        PoswHashes hashes = new PoswHashes(statement.toByteArray());
        List<byte[]> leaves = MerkleProof.arrays(proof.provenLeaves());
        Result r = PartialTreeValidator.calcRoot(indices, leaves, MerkleProof.arrays(proof.proofNodes()), hashes,
                true);
        if (!Arrays.equals(r.root(), root)) {
            throw new ProofException(Reason.ROOT_MISMATCH, "merkle proof not valid");
        }
        if (r.snapshots().size() != leaves.size()) {
            throw new ProofException(Reason.SNAPSHOT_COUNT_MISMATCH, "len(parkingSnapshots) != len(ProvenLeaves) ("
                    + r.snapshots().size() + " != " + leaves.size() + ")");
        }
        for (int t = 0; t < leaves.size(); t++) {
            byte[] expected = hashes.label(LabelInput.of(indices[t], r.snapshots().get(t)));
            if (!Arrays.equals(expected, leaves.get(t))) {
                throw new ProofException(Reason.LABEL_MISMATCH, "label at index " + t + " incorrect");
            }
        }
    }
}
