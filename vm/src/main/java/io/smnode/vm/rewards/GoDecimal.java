package io.smnode.vm.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The decimal arithmetic the reference's issuance curve is computed in: ericlagergren/decimal's Context128 (34
 * significant digits, half-even). Add, subtract, multiply and divide there are correctly rounded, as BigDecimal's are
 * under the same MathContext. Its exponential is not: it evaluates a continued fraction at a few extra digits and
 * rounds that, which differs from the correctly rounded value at least once on the curve (the ten-year point), so
 * {@link #exp} follows its algorithm step by step. Logarithms are only used for the curve's constants, where a
 * correctly rounded value reproduces the reference's constants (checked against the vectors).
 */
final class GoDecimal {
    static final int PRECISION = 34;
    static final MathContext CTX = new MathContext(PRECISION, RoundingMode.HALF_EVEN);
    /** Working precision of the logarithm before its final rounding. */
    private static final MathContext WIDE = new MathContext(80, RoundingMode.HALF_EVEN);
    /** The reference gives up above this many integer digits (overflow or underflow); the curve never gets there. */
    private static final int EXP_MAX_INTEGER_DIGITS = 19;

    private GoDecimal() {}

    /** e^x as the reference's {@code Context.Exp} computes it, rounded to 34 digits. */
    static BigDecimal exp(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        int t = Math.max(0, x.precision() - x.scale()); // integer digits of |x|
        if (t > EXP_MAX_INTEGER_DIGITS) {
            throw new ArithmeticException("exp argument out of the reference's range: " + x);
        }
        // |x| <= 9e-(prec+1): the reference answers 1 without evaluating.
        if (x.abs().compareTo(BigDecimal.valueOf(9, PRECISION + 1)) <= 0) {
            return BigDecimal.ONE;
        }
        // Argument reduction e^x = (e^(x/10^t))^(10^t), at t+3 extra digits (at least 10).
        MathContext work = new MathContext(Math.max(10, PRECISION + t + 3), RoundingMode.HALF_EVEN);
        BigDecimal reduced = x.scaleByPowerOfTen(-t);
        BigDecimal z = expContinuedFraction(reduced, work);
        if (t != 0) {
            z = powTenToThe(z, t, work);
        }
        return z.round(CTX);
    }

    /**
     * The Wallis recurrence over e^z = 1 + 2z/(2 - z + (z^2/6)/(1 + K_{m>=3}(a_m z^2 / 1))), a_m = 1/(16(m-1)^2 - 4),
     * with the reference's exact sequence of roundings (products of the recurrence are exact before the addition,
     * as its fused multiply-add) and its stopping rule |z_m - z_{m-1}| <= 10^-prec.
     */
    private static BigDecimal expContinuedFraction(BigDecimal z, MathContext mc) {
        BigDecimal square = z.multiply(z, mc);
        BigDecimal eps = BigDecimal.ONE.scaleByPowerOfTen(-mc.getPrecision());
        BigDecimal a = BigDecimal.ONE; // the first term is [0 / 1]
        BigDecimal aPrev = BigDecimal.ONE;
        BigDecimal b = BigDecimal.ONE;
        BigDecimal bPrev = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        BigDecimal result;
        for (long m = 1; ; m++) {
            BigDecimal termA;
            BigDecimal termB;
            if (m == 1) {
                termA = BigDecimal.valueOf(2).multiply(z, mc);
                termB = BigDecimal.valueOf(2).subtract(z, mc);
            } else if (m == 2) {
                termA = square.divide(BigDecimal.valueOf(6), mc);
                termB = BigDecimal.ONE;
            } else {
                BigInteger mm = BigInteger.valueOf(m - 1);
                BigDecimal denominator = new BigDecimal(mm.multiply(mm).shiftLeft(4).subtract(BigInteger.valueOf(4)));
                termA = BigDecimal.ONE.divide(denominator, mc).multiply(square, mc);
                termB = BigDecimal.ONE;
            }
            BigDecimal oldA = a;
            a = a.multiply(termB).add(aPrev.multiply(termA, mc), mc);
            aPrev = oldA;
            BigDecimal oldB = b;
            b = b.multiply(termB).add(bPrev.multiply(termA, mc), mc);
            bPrev = oldB;
            result = a.divide(b, mc);
            if (result.subtract(previous, mc).abs().compareTo(eps) <= 0) {
                return result;
            }
            previous = result;
        }
    }

    /** x^(10^t) by square-and-multiply, every product rounded, as the reference's powUint64. */
    private static BigDecimal powTenToThe(BigDecimal x, int t, MathContext mc) {
        long y = BigInteger.TEN.pow(t).longValueExact();
        BigDecimal z = BigDecimal.ONE;
        BigDecimal base = x;
        while (y != 0) {
            if ((y & 1) != 0) {
                z = z.multiply(base, mc);
            }
            y >>>= 1;
            base = base.multiply(base, mc);
        }
        return z;
    }

    /** The natural logarithm of a positive x, correctly rounded to 34 digits. */
    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("ln of a non-positive number");
        }
        // x = m * 10^k with m in [1, 10): ln x = ln m + k ln 10, ln m = 2 atanh((m - 1) / (m + 1)).
        int k = x.precision() - x.scale() - 1;
        BigDecimal m = x.scaleByPowerOfTen(-k);
        BigDecimal lnTen = atanhLog(BigDecimal.TEN);
        return atanhLog(m).add(lnTen.multiply(BigDecimal.valueOf(k), WIDE), WIDE).round(CTX);
    }

    private static BigDecimal atanhLog(BigDecimal m) {
        BigDecimal u = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WIDE);
        BigDecimal u2 = u.multiply(u, WIDE);
        BigDecimal power = u;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal limit = BigDecimal.ONE.scaleByPowerOfTen(-WIDE.getPrecision() - 2);
        for (int n = 1; power.abs().compareTo(limit) > 0; n += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(n), WIDE), WIDE);
            power = power.multiply(u2, WIDE);
        }
        return sum.multiply(BigDecimal.valueOf(2), WIDE);
    }
}
