package io.smnode.post.verify;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * What a proof claims about its prover (post-rs {@code ProofMetadata}): identity, commitment ATX, the challenge it
 * answers and how many units were proven.
 *
 * @param numUnits an unsigned 32-bit unit count
 */
public record ProofMetadata(NodeId nodeId, AtxId commitmentAtxId, Hash32 challenge, long numUnits) {
    public ProofMetadata {
        if (nodeId == null || commitmentAtxId == null || challenge == null) {
            throw new IllegalArgumentException("node id, commitment ATX and challenge are required");
        }
        if (numUnits < 0 || numUnits > 0xffff_ffffL) {
            throw new IllegalArgumentException("numUnits is a u32, got " + numUnits);
        }
    }
}
