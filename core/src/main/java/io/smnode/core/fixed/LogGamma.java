package io.smnode.core.fixed;

/** ln Γ(x) for positive integers in the reference's way ({@code lgamma.go}). */
final class LogGamma {
    // Stirling-series coefficients with 56 fractional bits (the reference's constants; the float64 they came from
    // in the comments).
    private static final long W0 = 0x6b3f8e4325f5a4L; // 0.4189385332046727 = ln(2π)/2
    private static final long W1 = 0x1555555555553bL; // 0.08333333333333297
    private static final long W2 = -0xb60b60b58172L; // -0.0027777777772877554
    private static final long W3 = 0x34033f319e71L; // 0.0007936505586430196
    private static final long W4 = -0x270197181fceL; // -0.00059518755745034
    private static final long W5 = 0x36cf7499b5abL; // 0.0008363399189962821
    private static final long W6 = -0x6ae2742e790fL; // -0.0016309293409657527

    private LogGamma() {}

    static Fixed of(long x) {
        if (x <= 0) {
            throw new FixedOverflowException();
        }
        if (x <= 2) {
            return Fixed.ZERO;
        }
        if (x < 8) {
            // Γ(x) = (x-1)! exactly.
            long z = 1;
            for (long k = x - 1; k >= 2; k--) {
                z *= k;
            }
            return Fixed.raw(Log.ofInteger(z));
        }
        // Stirling: (x - 1/2)(ln x - 1) + w(1/x).
        long t = Log.ofInteger(x) - Fixed.ONE_VALUE;
        long z = Raw56.div(1, x); // the reference divides the raw 1 (2^-56) by x, not 1.0; kept for exactness
        long y = Raw56.mul(z, z);
        long w = W0 + Raw56.mul(z, W1 + Raw56.mul(y, W2 + Raw56.mul(y, W3 + Raw56.mul(y, W4
                + Raw56.mul(y, W5 + Raw56.mul(y, W6))))));
        Fixed a = Fixed.of(x).sub(Fixed.raw(Fixed.HALF_VALUE));
        return a.mul(Fixed.raw(t)).add(Fixed.raw(w));
    }
}
