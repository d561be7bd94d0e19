package io.smnode.core.fixed;

/** e^x in the reference's way ({@code exp.go}): range reduction by ln 2 and a degree-14 Taylor polynomial. */
final class Exp {
    /** 1/k! for k = 2..14 with 56 fractional bits, truncated as the reference does. */
    private static final long[] INV_FACTORIAL = {
        (1L << 56) / 2L,
        (1L << 56) / 6L,
        (1L << 56) / 24L,
        (1L << 56) / 120L,
        (1L << 56) / 720L,
        (1L << 56) / 5040L,
        (1L << 56) / 40320L,
        (1L << 56) / 362880L,
        (1L << 56) / 3628800L,
        (1L << 56) / 39916800L,
        (1L << 56) / 479001600L,
        (1L << 56) / 6227020800L,
        (1L << 56) / 87178291200L,
    };

    private Exp() {}

    /** e^x; 0 once the integer part of x is below -38 (the result would be below 2^-56 anyway). */
    static Fixed exp(Fixed x) {
        if (x.truncated() < -38) {
            return Fixed.ZERO;
        }
        return exp56(x.toRaw56());
    }

    private static Fixed exp56(long x) {
        // |x| = k*ln2 + y with 0 <= y < ln2, e^|x| = 2^k * e^y; e^x = 1/e^|x| for negative x.
        long a = Math.abs(x);
        long k = Raw56.floor(Raw56.mulUnsigned(a, Raw56.LOG2E));
        long y = a - Raw56.mulUnsigned(k, Raw56.LN2);
        k >>= Fixed.FRAC_BITS;
        long ey = Fixed.ONE_VALUE + y;
        long py = y;
        for (long inv : INV_FACTORIAL) {
            py = Raw56.mulUnsigned(py, y);
            ey += Raw56.mulUnsigned(py, inv);
        }

        Fixed z = Fixed.raw(ey);
        if (x < 0) {
            if (z.isZero()) {
                throw new FixedOverflowException();
            }
            z = z.inv();
            k = -k;
        }
        return k < 0 ? z.shr((int) -k) : z.shl((int) k);
    }
}
