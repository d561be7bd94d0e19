package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/** Checks one k2pow for the verifier (spec 08 §3 step 3). */
@FunctionalInterface
public interface K2PowVerifier {
    /** Whether RandomX(input(pow, nonceGroup, challenge, nodeId)) is strictly below {@code threshold}. */
    boolean isValid(long pow, int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold);
}
