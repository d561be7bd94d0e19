package io.smnode.core.fixed;

/**
 * Arithmetic on a signed int64 with 56 fractional bits (range (-128, 128)), the reference's fast path inside
 * exp/log/lgamma ({@code fixedraw.go}). Each helper's rounding is the reference's.
 */
final class Raw56 {
    static final long LN2 = 0xb17217f7d1cf78L; // ln(2)
    static final long LOG2E = 0x171547652b82fe0L; // log2(e) = 1/ln(2)

    private Raw56() {}

    /**
     * Signed product rounded to nearest (ties up).
     *
     * @throws FixedOverflowException when the product leaves the int64 range
     */
    static long mul(long x, long y) {
        long lo2 = x * y;
        long lo = lo2 + Fixed.HALF_VALUE;
        long carry = Bits64.addCarry(lo2, Fixed.HALF_VALUE, 0);
        // Math.multiplyHigh is the signed high word: the reference's unsigned high word minus its sign fix-ups.
        long hi = Math.multiplyHigh(x, y) + carry;
        if ((hi >>> 63) != ((hi >>> (Fixed.FRAC_BITS - 1)) & 1)) {
            throw new FixedOverflowException();
        }
        return (hi << (64 - Fixed.FRAC_BITS)) | (lo >>> Fixed.FRAC_BITS);
    }

    /** Product of two operands taken as unsigned, truncated (no overflow check, as in the reference). */
    static long mulUnsigned(long x, long y) {
        return (Bits64.mulHigh(x, y) << (64 - Fixed.FRAC_BITS)) | ((x * y) >>> Fixed.FRAC_BITS);
    }

    /**
     * Signed quotient, magnitude rounded to nearest.
     *
     * @throws ArithmeticException when y is 0; {@link FixedOverflowException} when the quotient leaves the range
     */
    static long div(long x, long y) {
        long xs = x >> 63;
        long ys = y >> 63;
        long a = (x ^ xs) - xs;
        long b = (y ^ ys) - ys;
        long v = Bits64.divQuotient(a >>> (64 - Fixed.FRAC_BITS), a << Fixed.FRAC_BITS, b);
        long rem = (a << Fixed.FRAC_BITS) - v * b;
        // rem < b < 2^63, so 2*rem does not wrap and 2*rem / b is the rounding bit.
        long up = Long.divideUnsigned(rem << 1, b);
        if (Bits64.addCarry(v, up, 0) != 0) {
            throw new FixedOverflowException();
        }
        return (v + up) * ((xs ^ ys) * 2 + 1);
    }

    /** Clears the fractional bits (floor for a non-negative value). */
    static long floor(long x) {
        return x & ~Fixed.FRAC_MASK;
    }
}
