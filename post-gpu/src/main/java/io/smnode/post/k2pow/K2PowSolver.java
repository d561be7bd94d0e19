package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/** Finds the k2pow of one nonce group for the prover (locally, remotely, or a fixed value in tests). */
@FunctionalInterface
public interface K2PowSolver {
    /**
     * A pow in {@code [0, 2^56)} whose RandomX hash meets {@code threshold}.
     *
     * @throws K2PowNotFoundException when no pow in the searched range meets it
     */
    long solve(int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold) throws K2PowNotFoundException;
}
