package io.smnode.beacon;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A positive binary floating-point value {@code mantissa · 2^exponent}, rounded the way Go's {@code math/big.Float}
 * rounds by default (to nearest, ties to even, at a given number of mantissa bits). The beacon's thresholds are
 * computed by the reference with big.Float at fixed precisions; replaying each rounding step here is what makes the
 * thresholds bit-identical rather than merely close.
 */
record BinaryFloat(BigInteger mantissa, int exponent) {
    BinaryFloat {
        if (mantissa.signum() < 0) {
            throw new IllegalArgumentException("only non-negative values are used here");
        }
    }

    static final BinaryFloat ZERO = new BinaryFloat(BigInteger.ZERO, 0);

    static BinaryFloat ofInteger(BigInteger value) {
        return new BinaryFloat(value, 0);
    }

    /** The non-negative rational {@code num / den} rounded to {@code prec} bits, nearest-even. */
    static BinaryFloat round(BigInteger num, BigInteger den, int prec) {
        if (num.signum() < 0 || den.signum() <= 0) {
            throw new IllegalArgumentException("needs num >= 0 and den > 0");
        }
        if (num.signum() == 0) {
            return ZERO;
        }
        // Choose the scale s so that floor(num·2^s / den) has exactly prec bits.
        int s = prec - (num.bitLength() - den.bitLength());
        BigInteger[] qr = divide(num, den, s);
        while (qr[0].bitLength() > prec) {
            qr = divide(num, den, --s);
        }
        while (qr[0].bitLength() < prec) {
            qr = divide(num, den, ++s);
        }
        BigInteger q = qr[0];
        BigInteger divisor = s >= 0 ? den : den.shiftLeft(-s);
        int half = qr[1].shiftLeft(1).compareTo(divisor);
        if (half > 0 || (half == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
            if (q.bitLength() > prec) { // carried into a new bit: 2^prec, exactly representable one bit shorter
                q = q.shiftRight(1);
                s--;
            }
        }
        return new BinaryFloat(q, -s);
    }

    /** This value rounded to {@code prec} bits (big.Float's SetPrec). */
    BinaryFloat round(int prec) {
        return round(numerator(), denominator(), prec);
    }

    /** The exact value of a decimal, rounded to {@code prec} bits. */
    static BinaryFloat round(BigDecimal value, int prec) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale >= 0
                ? round(unscaled, BigInteger.TEN.pow(scale), prec)
                : round(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE, prec);
    }

    BigInteger numerator() {
        return exponent >= 0 ? mantissa.shiftLeft(exponent) : mantissa;
    }

    BigInteger denominator() {
        return exponent >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft(-exponent);
    }

    /** The exact value as a decimal (2^-k = 5^k / 10^k, so it always terminates). */
    BigDecimal toBigDecimal() {
        return exponent >= 0
                ? new BigDecimal(mantissa.shiftLeft(exponent))
                : new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /** {@code floor(value · 2^shift)}: big.Float's Int() of a product with a power of two (truncation). */
    BigInteger floorTimesPowerOfTwo(int shift) {
        int e = exponent + shift;
        return e >= 0 ? mantissa.shiftLeft(e) : mantissa.shiftRight(-e);
    }

    private static BigInteger[] divide(BigInteger num, BigInteger den, int s) {
        return s >= 0 ? num.shiftLeft(s).divideAndRemainder(den) : num.divideAndRemainder(den.shiftLeft(-s));
    }
}
