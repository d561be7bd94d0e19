package io.smnode.core.fixed;

import io.smnode.core.types.Bytes;

/**
 * How many hare committee seats an identity holds, as go-spacemesh's hare oracle computes it
 * ({@code hare3/eligibility/oracle.go}): each unit of weight is a Bernoulli trial that succeeds with probability
 * committee / totalWeight, and the VRF output picks the quantile. The count is the smallest x with
 * {@code BinCDF(n, p, x) > vrfFraction}.
 *
 * <p>One reference quirk is left to the caller: when {@link #draw} refuses a weight above
 * {@link #MAX_SUPPORTED_N}, go-spacemesh's {@code CalcEligibility} swallows that error and reports 0 seats, while
 * its {@code Validate} returns the error.
 */
public final class HareEligibility {
    /** The largest n the CDF supports: 2^30 = MaxInt32/2 + 1 (the incomplete beta's parameter limit). */
    public static final long MAX_SUPPORTED_N = Integer.MAX_VALUE / 2 + 1;

    private HareEligibility() {}

    /** The binomial an identity draws from: n trials of probability p. */
    public record Draw(long n, Fixed p) {}

    /**
     * The binomial for an identity of {@code minerWeight} in an epoch of {@code totalWeight} (both uint64). When the
     * committee is larger than the total weight, both weights are scaled by the committee size first so that p
     * stays at most 1.
     *
     * @throws EligibilityException for a committee below 1, a zero total weight, or a scaled weight above
     *     {@link #MAX_SUPPORTED_N}
     */
    public static Draw draw(int committeeSize, long minerWeight, long totalWeight) throws EligibilityException {
        if (committeeSize < 1) {
            throw new EligibilityException(EligibilityException.Reason.ZERO_COMMITTEE_SIZE,
                    "committee size " + committeeSize);
        }
        if (totalWeight == 0) {
            throw new EligibilityException(EligibilityException.Reason.ZERO_TOTAL_WEIGHT, "total weight 0");
        }
        long n = minerWeight;
        if (Long.compareUnsigned(committeeSize, totalWeight) > 0) {
            // uint64 products, wrapping as the reference's do (they cannot wrap here: both factors are < 2^31)
            totalWeight *= committeeSize;
            n *= committeeSize;
        }
        if (Long.compareUnsigned(n, MAX_SUPPORTED_N) > 0) {
            throw new EligibilityException(EligibilityException.Reason.WEIGHT_ABOVE_SUPPORTED_MAXIMUM,
                    "weight " + Long.toUnsignedString(minerWeight) + " (scaled " + Long.toUnsignedString(n)
                            + ") above " + MAX_SUPPORTED_N);
        }
        return new Draw(n, Fixed.divUint64(committeeSize, totalWeight));
    }

    /** The VRF quantile: the low 56 bits of the signature's first 8 bytes read little-endian, as a fraction. */
    public static Fixed vrfFraction(Bytes vrfSignature) {
        return Fixed.fracFromBytes(vrfSignature);
    }

    /**
     * The eligibility count (reference {@code CalcEligibility}): the smallest x in [0, n) with
     * {@code BinCDF(n, p, x) > vrfFraction}, else n; reduced to uint16 as the reference's result type does.
     */
    public static int count(Draw draw, Fixed vrfFraction) {
        for (long x = 0; x < draw.n(); x++) {
            if (Binomial.cdf(draw.n(), draw.p(), x).greaterThan(vrfFraction)) {
                return (int) (x & 0xffff);
            }
        }
        return (int) (draw.n() & 0xffff);
    }

    /**
     * Whether a claimed count is the one the VRF fraction gives (reference {@code Validate}):
     * {@code BinCDF(n, p, count-1) <= vrfFraction < BinCDF(n, p, count)}.
     */
    public static boolean isValid(Draw draw, Fixed vrfFraction, int claimedCount) {
        return !Binomial.cdf(draw.n(), draw.p(), claimedCount - 1L).greaterThan(vrfFraction)
                && vrfFraction.lessThan(Binomial.cdf(draw.n(), draw.p(), claimedCount));
    }
}
