package io.smnode.core.fixed;

/** The binomial distribution's CDF in the reference's fixed point (reference {@code BinCDF} / {@code BinCDF64}). */
public final class Binomial {
    private Binomial() {}

    /**
     * P[X &lt;= x] for X ~ Binomial(n, p): 0 for x &lt; 0, 1 for x &gt;= n, otherwise I_{1-p}(n-x, x+1).
     *
     * @throws FixedOverflowException where the reference panics: n - x or x + 1 above 2^30, or p outside [0, 1]
     *     (more precisely 1-p outside [0, 1] after conversion), or |p| &gt;= 128
     */
    public static Fixed cdf(long n, Fixed p, long x) {
        if (x < 0) {
            return Fixed.ZERO;
        }
        if (x >= n) {
            return Fixed.ONE;
        }
        return IncompleteBeta.of(n - x, x + 1, Fixed.ONE_VALUE - p.toRaw56());
    }
}
