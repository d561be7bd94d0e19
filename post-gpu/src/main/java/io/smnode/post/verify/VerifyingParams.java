package io.smnode.post.verify;

import io.smnode.post.k2pow.PowThreshold;

/**
 * The network's PoST parameters a verifier applies (spec 08 §3–4). {@code labelsPerUnit} is the network value, not
 * the prover's.
 *
 * @param k1 expected qualifying labels per nonce (u32)
 * @param k2 indices per proof (u32, at least 1)
 * @param powDifficulty the unscaled k2pow difficulty
 * @param labelsPerUnit labels per unit (u64)
 * @param minNumUnits smallest accepted unit count (u32)
 * @param maxNumUnits largest accepted unit count (u32)
 * @param scryptN the label function's N (power of two ≥ 2)
 */
public record VerifyingParams(long k1, long k2, PowThreshold powDifficulty, long labelsPerUnit, long minNumUnits,
        long maxNumUnits, int scryptN) {
    public VerifyingParams {
        if (k1 < 0 || k1 > 0xffff_ffffL || k2 < 1 || k2 > 0xffff_ffffL) {
            throw new IllegalArgumentException("k1 and k2 are u32 (k2 ≥ 1): " + k1 + ", " + k2);
        }
        if (minNumUnits < 0 || maxNumUnits > 0xffff_ffffL || minNumUnits > maxNumUnits) {
            throw new IllegalArgumentException("unit bounds must be u32 with min ≤ max: " + minNumUnits + ".."
                    + maxNumUnits);
        }
        if (powDifficulty == null) {
            throw new IllegalArgumentException("powDifficulty must not be null");
        }
    }
}
