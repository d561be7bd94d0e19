package io.smnode.post.prove;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The per-label proving difficulty {@code floor(2^64 · K1 / num_labels)} (spec 08 §2.1, post-rs
 * {@code proving_difficulty}), an unsigned 64-bit value held in a {@code long}. A (label, nonce) pair qualifies when
 * its 64-bit AES value is below it; the value is split 8/56 so most pairs are decided by one output byte (§2.4).
 */
public record ProvingDifficulty(long value) {
    private static final long LSB_MASK = (1L << 56) - 1;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /**
     * The difficulty for {@code k1} (a u32) over {@code numLabels} (an unsigned u64); empty when there are no labels,
     * when {@code numLabels ≤ k1}, or when the quotient does not fit 64 bits — the reference's three errors.
     */
    public static Optional<ProvingDifficulty> of(long k1, long numLabels) {
        if (k1 < 0 || k1 > 0xffff_ffffL) {
            throw new IllegalArgumentException("k1 is a u32, got " + k1);
        }
        if (numLabels == 0 || Long.compareUnsigned(numLabels, k1) <= 0) {
            return Optional.empty();
        }
        BigInteger labels = new BigInteger(Long.toUnsignedString(numLabels));
        BigInteger d = TWO_64.multiply(BigInteger.valueOf(k1)).divide(labels);
        if (d.bitLength() > 64) {
            return Optional.empty();
        }
        return Optional.of(new ProvingDifficulty(d.longValue()));
    }

    /** The high byte: an AES output byte below it qualifies outright, above it fails. */
    public int msb() {
        return (int) (value >>> 56);
    }

    /** The low 56 bits: when the byte equals {@link #msb()}, the lazy AES value must be below this. */
    public long lsb() {
        return value & LSB_MASK;
    }

    /** Whether a lazy-cipher output (its first 8 bytes little-endian, as a long) passes the 56-bit check. */
    boolean lsbQualifies(long lazyOutputLe) {
        return (lazyOutputLe & LSB_MASK) < lsb();
    }
}
