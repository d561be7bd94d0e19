package io.smnode.core.fixed;

/**
 * The regularized incomplete beta function I_x(a, b) for integer a, b by Lentz's continued fraction, as the
 * reference computes it ({@code beta.go}). Every intermediate rounding is the reference's, because the binomial
 * CDF built on it decides hare eligibility.
 */
final class IncompleteBeta {
    /** The largest a or b the reference accepts; beyond it the products below could overflow. */
    static final long MAX_PARAMETER = 1L << 30;

    private static final int ITERATIONS = 300;
    private static final Fixed EPSILON = Fixed.from(1e-14);
    private static final Fixed ULP = Fixed.raw(1);

    private IncompleteBeta() {}

    /**
     * I_x(a, b) for x with 56 fractional bits in [0, 1].
     *
     * @throws FixedOverflowException when a or b exceeds {@link #MAX_PARAMETER} or x is outside [0, 1]
     */
    static Fixed of(long a, long b, long x) {
        if (a > MAX_PARAMETER || b > MAX_PARAMETER) {
            throw new FixedOverflowException();
        }
        // bt = x^a (1-x)^b / B(a, b) = exp(lnΓ(a+b) - lnΓ(a) - lnΓ(b) + a ln x + b ln(1-x))
        Fixed bt = Fixed.ZERO;
        if (0 < x && x < Fixed.ONE_VALUE) {
            Fixed lnBt = LogGamma.of(a + b).sub(LogGamma.of(a)).sub(LogGamma.of(b))
                    .add(Log.aLogX(x, a)).add(Log.aLogX(Fixed.ONE_VALUE - x, b));
            bt = Exp.exp(lnBt);
        } else if (x < 0 || x > Fixed.ONE_VALUE) {
            throw new FixedOverflowException();
        }

        // The fraction converges fast for x < (a+1)/(a+b+2); beyond it use I_x(a,b) = 1 - I_{1-x}(b,a).
        if (x > Fixed.of(a + 1).div(Fixed.of(a + b + 2)).toRaw56()) {
            return Fixed.ONE.sub(scaledFraction(bt, Fixed.ONE_VALUE - x, b, a));
        }
        return scaledFraction(bt, x, a, b);
    }

    /** bt * cf(x, a, b) / a, or 0 when bt is 0. */
    private static Fixed scaledFraction(Fixed bt, long x, long a, long b) {
        if (bt.isZero()) {
            return bt;
        }
        return bt.mul(continuedFraction(x, a, b)).div(Fixed.of(a));
    }

    /**
     * Modified Lentz evaluation of 1/(1+ d1/(1+ d2/(1+ ...))) with
     * d(2m) = m(b-m)x / ((a+2m-1)(a+2m)) and d(2m+1) = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
     */
    private static Fixed continuedFraction(long x, long a, long b) {
        Fixed xx = Fixed.raw(x);
        Fixed c = Fixed.ONE;
        Fixed d = nonZero(Fixed.ONE.sub(xx.mul(Fixed.of(a + b)).div(Fixed.of(a + 1)))).inv();
        Fixed h = d;
        for (long m = 1; m < ITERATIONS; m++) {
            Fixed n = xx.mul(Fixed.of(m * (b - m))).div(Fixed.of((a + m + m - 1) * (a + m + m)));
            d = nonZero(n.mul(d).add(Fixed.ONE)).inv();
            c = nonZero(n.div(c).add(Fixed.ONE));
            h = h.mul(d).mul(c);

            n = Fixed.of((-a - m) * (a + b + m)).mul(xx).div(Fixed.of((a + m + m) * (a + m + m + 1)));
            d = nonZero(n.mul(d).add(Fixed.ONE)).inv();
            c = nonZero(n.div(c).add(Fixed.ONE));
            Fixed delta = d.mul(c);
            h = h.mul(delta);

            // The reference's stop test compares encodings: a delta below 1 makes delta-1 negative, which compares
            // above epsilon, so iteration only stops once delta is in [1, 1+1e-14).
            if (delta.sub(Fixed.ONE).lessThan(EPSILON)) {
                return h;
            }
        }
        return h;
    }

    /** Lentz's guard against a zero denominator: the smallest positive value instead of 0. */
    private static Fixed nonZero(Fixed z) {
        return z.isZero() ? ULP : z;
    }
}
