package io.smnode.beacon;

import io.smnode.core.net.NetworkParams.Ratio;
import io.smnode.core.vrf.VrfProof;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The beacon proposal eligibility threshold {@code thr(N) = floor(2^640 · (1 − 2^(−κ / ((1−q)·N))))} (spec 03 §1),
 * computed bit for bit as the reference's {@code atxThreshold} does with Go's big.Float and ALTree/bigfloat v0.2.0.
 * Every rounding step of that computation is replayed (all to nearest, ties to even):
 * <ol>
 *   <li>{@code x = κ/((1−q)·N)} is an exact rational, converted by SetRat to
 *       {@code max(64, bits(numerator), bits(denominator))} bits;</li>
 *   <li>{@code bigfloat.Pow(2, −x)} runs as {@code 1 / Pow(2 at 128 bits, x)}; the inner Pow is
 *       {@code Exp(x · Log(2))} with Log(2) and the product at 192 bits, Exp's result at 192 bits, then cut to 128;
 *       when x is exactly 1 the inner Pow returns 2 itself;</li>
 *   <li>the quotient {@code 1 / ·} is rounded to 128 bits, then the result to 64 bits (the precision of the base 2);</li>
 *   <li>{@code 1 − p} is rounded to 64 bits, multiplied by 2^640 exactly and truncated to an integer.</li>
 * </ol>
 * ln 2 and exp are evaluated here to ~400 bits before each rounding, so the only step not reproduced exactly is
 * the last bits of the reference's own 192-bit Newton/AGM iterations, which matter only at a 2^-128-close tie.
 */
public final class ProposalThreshold {
    /** A VRF proof is an 80-byte number: thresholds are fractions of 2^640. */
    static final int PROOF_BITS = VrfProof.LENGTH * 8;

    private ProposalThreshold() {}

    /**
     * {@code thr(N)}; 0 when N is 0, as the reference's {@code atxThresholdFraction} returns 0 for no ATXs.
     *
     * @throws IllegalArgumentException when κ or N is negative or q is not below 1
     */
    public static BigInteger threshold(int kappa, Ratio q, long n) {
        if (kappa < 0 || n < 0) {
            throw new IllegalArgumentException("κ and N must not be negative");
        }
        BigInteger qNum = BigInteger.valueOf(q.numerator());
        BigInteger qDen = BigInteger.valueOf(q.denominator());
        if (qNum.compareTo(qDen) >= 0) {
            throw new IllegalArgumentException("q must be below 1: " + q);
        }
        if (n == 0) {
            return BigInteger.ZERO;
        }
        // x = κ / ((1 − q)·N) = κ·qDen / ((qDen − qNum)·N), as a reduced fraction like big.Rat keeps it.
        BigInteger num = BigInteger.valueOf(kappa).multiply(qDen);
        BigInteger den = qDen.subtract(qNum).multiply(BigInteger.valueOf(n));
        BigInteger gcd = num.gcd(den);
        if (gcd.signum() != 0) {
            num = num.divide(gcd);
            den = den.divide(gcd);
        }
        BinaryFloat fraction = oneMinusTwoToMinus(num, den);
        return fraction.floorTimesPowerOfTwo(PROOF_BITS);
    }

    /** {@code 1 − 2^(−num/den)} at 64 bits, step by step as the reference. */
    static BinaryFloat oneMinusTwoToMinus(BigInteger num, BigInteger den) {
        if (num.signum() == 0) {
            return BinaryFloat.ZERO; // Pow(2, 0) = 1 exactly
        }
        int xPrec = Math.max(64, Math.max(num.bitLength(), den.bitLength()));
        BinaryFloat x = den.equals(BigInteger.ONE)
                ? BinaryFloat.ofInteger(num) // SetRat of an integer is SetInt: exact
                : BinaryFloat.round(num, den, xPrec);
        BinaryFloat twoToX;
        if (x.numerator().equals(x.denominator())) {
            twoToX = BinaryFloat.ofInteger(BigInteger.TWO);
        } else {
            BinaryFloat ln2 = BinaryFloat.round(HighPrecision.LN2, 192);
            BinaryFloat y = BinaryFloat.round(x.numerator().multiply(ln2.numerator()),
                    x.denominator().multiply(ln2.denominator()), 192);
            BigDecimal e = HighPrecision.exp(y.toBigDecimal());
            twoToX = BinaryFloat.round(e, 192).round(128);
        }
        BinaryFloat p = BinaryFloat.round(twoToX.denominator(), twoToX.numerator(), 128).round(64);
        BigInteger pNum = p.numerator();
        BigInteger pDen = p.denominator();
        return BinaryFloat.round(pDen.subtract(pNum), pDen, 64);
    }

    /** Whether a proposal's proof, read as a big-endian 640-bit integer, is below the threshold. */
    public static boolean passes(VrfProof proof, BigInteger threshold) {
        return new BigInteger(1, proof.toByteArray()).compareTo(threshold) < 0;
    }
}
