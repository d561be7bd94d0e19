package io.smnode.poet;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A PoET proof's Merkle part (spec 09 §5, the reference's {@code shared.MerkleProof}): the root, the T proven
 * leaves in ascending index order and the proof nodes in §4.2 order. Fields are byte slices of at most 32 bytes
 * each, as on the wire: a decoder must keep exactly what it read, so they are not forced into 32-byte hashes.
 */
public record MerkleProof(Bytes root, List<Bytes> provenLeaves, List<Bytes> proofNodes) {
    public static final int MAX_NODE_BYTES = 32;
    public static final int MAX_PROVEN_LEAVES = 150;
    public static final int MAX_PROOF_NODES = 5400;

    private static final ScaleCodec<Bytes> NODE = ScaleCodecs.bytes(MAX_NODE_BYTES);
    private static final ScaleCodec<List<Bytes>> LEAVES = ScaleCodecs.slice(NODE, MAX_PROVEN_LEAVES);
    private static final ScaleCodec<List<Bytes>> NODES = ScaleCodecs.slice(NODE, MAX_PROOF_NODES);

    /** {@code root (≤32) || compact(len) leaves (each ≤32) || compact(len) nodes (each ≤32)}. */
    public static final ScaleCodec<MerkleProof> CODEC = ScaleCodec.of(
            (w, p) -> {
                w.field("Root", NODE, p.root());
                w.field("ProvenLeaves", LEAVES, p.provenLeaves());
                w.field("ProofNodes", NODES, p.proofNodes());
            },
            r -> new MerkleProof(
                    r.field("Root", NODE),
                    r.field("ProvenLeaves", LEAVES),
                    r.field("ProofNodes", NODES)));

    public MerkleProof {
        provenLeaves = List.copyOf(provenLeaves);
        proofNodes = List.copyOf(proofNodes);
    }

    static List<byte[]> arrays(List<Bytes> nodes) {
        List<byte[]> out = new ArrayList<>(nodes.size());
        for (Bytes b : nodes) {
            out.add(b.toByteArray());
        }
        return out;
    }

    static List<Bytes> wrap(List<byte[]> nodes) {
        List<Bytes> out = new ArrayList<>(nodes.size());
        for (byte[] b : nodes) {
            out.add(Bytes.of(b));
        }
        return out;
    }
}
