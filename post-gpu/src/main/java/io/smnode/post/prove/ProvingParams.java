package io.smnode.post.prove;

import io.smnode.post.k2pow.PowThreshold;
import java.util.Optional;

/**
 * What a prover needs besides the data (spec 08 §2.1): the network's K1, K2 and k2pow difficulty, and the identity's
 * units as initialized (the prover uses its metadata's {@code LabelsPerUnit}).
 *
 * @param k1 expected qualifying labels per nonce (u32)
 * @param k2 indices a proof carries (u32, at least 1)
 * @param numUnits units initialized (u32, at least 1)
 * @param labelsPerUnit labels per unit (u64)
 * @param powDifficulty the network's unscaled k2pow difficulty
 */
public record ProvingParams(long k1, long k2, long numUnits, long labelsPerUnit, PowThreshold powDifficulty) {
    public ProvingParams {
        if (k1 < 0 || k1 > 0xffff_ffffL || k2 < 1 || k2 > 0xffff_ffffL) {
            throw new IllegalArgumentException("k1 and k2 are u32 (k2 ≥ 1): " + k1 + ", " + k2);
        }
        if (numUnits < 1 || numUnits > 0xffff_ffffL) {
            throw new IllegalArgumentException("numUnits is a u32 of at least 1, got " + numUnits);
        }
        if (powDifficulty == null) {
            throw new IllegalArgumentException("powDifficulty must not be null");
        }
        if (Long.compareUnsigned(labelsPerUnit, Long.divideUnsigned(-1L, numUnits)) > 0) {
            throw new IllegalArgumentException("numUnits × labelsPerUnit overflows 64 bits");
        }
    }

    /** {@code numUnits × labelsPerUnit}, unsigned. */
    public long numLabels() {
        return numUnits * labelsPerUnit;
    }

    /** Empty when the reference would refuse the parameters (no labels, or not more labels than K1). */
    public Optional<ProvingDifficulty> difficulty() {
        return ProvingDifficulty.of(k1, numLabels());
    }

    /** The k2pow threshold for this identity: the network difficulty divided by the number of units. */
    public PowThreshold scaledPowDifficulty() {
        return powDifficulty.scaledBy(numUnits);
    }
}
