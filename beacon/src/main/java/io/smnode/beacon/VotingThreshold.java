package io.smnode.beacon;

import io.smnode.core.net.NetworkParams.Ratio;
import java.math.BigInteger;

/**
 * The margin a proposal needs to be supported (or, negated, opposed) after a voting round: {@code θ·W}, computed as
 * the reference's {@code votingThreshold}: θ converted by SetRat to max(64, bits of its terms) bits, W as a 64-bit
 * float (exact), the product rounded to the larger of the two precisions, then truncated to an integer.
 */
public final class VotingThreshold {
    private VotingThreshold() {}

    /** @param epochWeight Σ weight of the epoch's non-malicious ATXs, an unsigned 64-bit value */
    public static BigInteger of(Ratio theta, long epochWeight) {
        BigInteger num = BigInteger.valueOf(theta.numerator());
        BigInteger den = BigInteger.valueOf(theta.denominator());
        if (num.signum() < 0) {
            throw new IllegalArgumentException("θ must not be negative: " + theta);
        }
        BigInteger weight = new BigInteger(Long.toUnsignedString(epochWeight));
        if (num.signum() == 0 || weight.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger gcd = num.gcd(den);
        num = num.divide(gcd);
        den = den.divide(gcd);
        int thetaPrec = den.equals(BigInteger.ONE) ? Math.max(64, num.bitLength())
                : Math.max(64, Math.max(num.bitLength(), den.bitLength()));
        BinaryFloat t = BinaryFloat.round(num, den, thetaPrec);
        BinaryFloat product = BinaryFloat.round(t.numerator().multiply(weight), t.denominator(), thetaPrec);
        return product.numerator().divide(product.denominator());
    }
}
