package io.smnode.post.verify;

import io.smnode.core.types.Bytes;

/** Which of a proof's K2 indices a verifier re-computes (spec 08 §3 step 6; post-rs {@code Mode}). */
public sealed interface VerifyMode {
    /** Every index, in order (certifier; go-spacemesh's DefaultPostConfig K3 = K2). */
    record All() implements VerifyMode {}

    /**
     * Only the index at position {@code indexId} (malfeasance checks). As in the reference, a position at or beyond
     * K2 selects nothing, and the labels then pass vacuously.
     */
    record One(int indexId) implements VerifyMode {
        public One {
            if (indexId < 0) {
                throw new IllegalArgumentException("index id must not be negative, got " + indexId);
            }
        }
    }

    /**
     * {@code k3} indices drawn pseudo-randomly from {@code seed || node_id || challenge} (gossip ATX checks use the
     * local peer id as seed); {@code k3 == K2} checks all in order.
     */
    record Subset(int k3, Bytes seed) implements VerifyMode {
        public Subset {
            if (k3 < 0 || seed == null) {
                throw new IllegalArgumentException("k3 must be ≥ 0 and a seed given");
            }
        }
    }
}
