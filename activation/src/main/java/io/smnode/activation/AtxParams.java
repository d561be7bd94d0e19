package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.post.verify.VerifyingParams;

/**
 * Network parameters ATX validation depends on (spec 02 §8, 08 §4).
 *
 * @param signingPrefix the genesis id every signature is prefixed with
 * @param goldenAtx     stands in for "no ATX" as the first positioning and commitment ATXs
 * @param tickSize      PoET leaves per tick
 * @param post          PoST parameters; its unit bounds and labels per unit are the network's
 * @param k3            how many of a NIPoST's K2 indices are re-checked on receipt (K3 ≥ K2: all)
 * @param postSeed      the seed of that random subset: the local peer id
 */
public record AtxParams(Bytes signingPrefix, AtxId goldenAtx, long tickSize, VerifyingParams post, int k3,
                        Bytes postSeed) {
    public AtxParams {
        if (tickSize == 0) {
            throw new IllegalArgumentException("tick size must not be 0");
        }
        if (k3 < 1) {
            throw new IllegalArgumentException("k3 must be at least 1, got " + k3);
        }
    }

    /** Whether receipt checks every index, which makes an ATX valid at once. */
    public boolean checksFullPost() {
        return k3 >= post.k2();
    }
}
