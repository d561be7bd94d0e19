package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.AtxTree;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import java.util.List;

/** Encodings the proofs share, and the merkle check they all make. */
final class ProofCodecs {
    private ProofCodecs() {}

    /** A merkle proof of one field: {@code []Hash32 max=32}. */
    static final ScaleCodec<List<Hash32>> NODES = ScaleCodecs.structSlice(CoreCodecs.HASH32,
            MalfeasanceV2.MAX_PROOF_NODES);

    static Hash32 leaf(AtxId id) {
        return Hash32.of(id.toByteArray());
    }

    /** The library validator's verdict on one leaf (the reference's {@code validateProof}). */
    static boolean proves(Hash32 root, Hash32 leaf, List<Hash32> proof, long index) {
        return AtxTree.verify(root, leaf, proof, index);
    }
}
