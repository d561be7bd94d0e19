package io.smnode.core.fixed;

/** Natural logarithms in the reference's way ({@code log.go}): a bit-by-bit binary logarithm times ln 2. */
final class Log {
    private Log() {}

    /** a * ln(x) for x a 56-fraction-bit value in (0, 128) and an integer a. */
    static Fixed aLogX(long x, long a) {
        return Fixed.raw(ofRaw56(x)).mul(Fixed.of(a));
    }

    /** ln(x) of a 56-fraction-bit x, as a 56-fraction-bit value. */
    static long ofRaw56(long x) {
        return Raw56.mul(log2(x, Fixed.FRAC_BITS), Raw56.LN2);
    }

    /** ln(x) of a positive integer x, as a 56-fraction-bit value. */
    static long ofInteger(long x) {
        return Raw56.mul(log2(x, 0), Raw56.LN2);
    }

    /**
     * log2 of x taken with {@code oneBits} fractional bits, as a 56-fraction-bit value: x = m * 2^e with m in
     * [1, 2); each squaring of m yields the next bit of log2(m).
     */
    private static long log2(long x, int oneBits) {
        long one = 1L << oneBits;
        long b;
        if (x < one) {
            if (x <= 0) {
                throw new FixedOverflowException();
            }
            int n = (oneBits + 1) - Bits64.len(x);
            b = -((long) n << Fixed.FRAC_BITS);
        } else {
            if (x == one) {
                return 0;
            }
            int n = Bits64.len(x) - (oneBits + 1);
            b = (long) n << Fixed.FRAC_BITS;
        }
        long m = (x << (64 - Bits64.len(x))) >>> 1; // m in [1, 2) with 62 fractional bits
        for (int i = 0; i < Fixed.FRAC_BITS; i++) {
            long hi = Bits64.mulHigh(m, m);
            long lo = m * m;
            m = (hi << 2) | (lo >>> 62);
            long c = m >>> 63; // m^2 >= 2: the next bit is 1 and m is halved
            m >>>= c;
            b += (Fixed.HALF_VALUE >> i) * c;
        }
        return b;
    }
}
