package io.smnode.core.fixed;

/**
 * Unsigned 64-bit word operations with the semantics of Go's {@code math/bits} and Go's shift operators, which the
 * reference fixed-point code is written against. Java differs in two places that matter for bit-exactness: it has
 * no unsigned 128-bit multiply/divide, and it reduces shift counts modulo 64 where Go yields 0 for counts of 64 or
 * more. Every shift in this package whose count can reach 64 goes through {@link #shl} / {@link #shr}.
 */
final class Bits64 {
    private static final long MASK32 = 0xffff_ffffL;
    private static final long TWO32 = 1L << 32;

    private Bits64() {}

    /** Go {@code x << n} on uint64: 0 once n reaches 64; a negative count fails as Go's run-time panic does. */
    static long shl(long x, int n) {
        checkCount(n);
        return n >= 64 ? 0 : x << n;
    }

    /** Go {@code x >> n} on uint64: logical, 0 once n reaches 64; a negative count fails as in Go. */
    static long shr(long x, int n) {
        checkCount(n);
        return n >= 64 ? 0 : x >>> n;
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new ArithmeticException("negative shift count " + n);
        }
    }

    /** {@code bits.Len64}: the number of bits needed to represent x as unsigned. */
    static int len(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    /** High word of the unsigned 128-bit product ({@code bits.Mul64}; the low word is plain {@code x * y}). */
    static long mulHigh(long x, long y) {
        // Math.multiplyHigh is the signed high word; a negative operand (as signed) contributed -2^64*other.
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Carry out of {@code x + y + carry} ({@code bits.Add64}; the sum is plain {@code x + y + carry}). */
    static long addCarry(long x, long y, long carry) {
        long sum = x + y + carry;
        return ((x & y) | ((x | y) & ~sum)) >>> 63;
    }

    /** Borrow out of {@code x - y - borrow} ({@code bits.Sub64}; the difference is plain {@code x - y - borrow}). */
    static long subBorrow(long x, long y, long borrow) {
        long diff = x - y - borrow;
        return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
    }

    /**
     * Quotient of the unsigned 128-bit {@code hi:lo} by {@code y} ({@code bits.Div64}). The remainder is
     * {@code lo - quotient * y} in wrapping arithmetic, because it is smaller than y and so fits one word.
     *
     * @throws ArithmeticException when y is 0, and {@link FixedOverflowException} when the quotient does not fit
     *     64 bits (y &lt;= hi): the two cases where Go panics.
     */
    static long divQuotient(long hi, long lo, long y) {
        if (y == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (Long.compareUnsigned(y, hi) <= 0) {
            throw new FixedOverflowException();
        }
        if (hi == 0) {
            return Long.divideUnsigned(lo, y);
        }
        // Knuth's algorithm D on 32-bit digits (Hacker's Delight "divlu"): normalise so the divisor's top bit is
        // set, then estimate each of the two quotient digits from the top digits and correct at most twice.
        int s = Long.numberOfLeadingZeros(y);
        y <<= s;
        long yn1 = y >>> 32;
        long yn0 = y & MASK32;
        long un32 = (hi << s) | shr(lo, 64 - s);
        long un10 = lo << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & MASK32;

        long q1 = Long.divideUnsigned(un32, yn1);
        long rhat = un32 - q1 * yn1;
        while (Long.compareUnsigned(q1, TWO32) >= 0
                || Long.compareUnsigned(q1 * yn0, TWO32 * rhat + un1) > 0) {
            q1--;
            rhat += yn1;
            if (Long.compareUnsigned(rhat, TWO32) >= 0) {
                break;
            }
        }

        long un21 = un32 * TWO32 + un1 - q1 * y;
        long q0 = Long.divideUnsigned(un21, yn1);
        rhat = un21 - q0 * yn1;
        while (Long.compareUnsigned(q0, TWO32) >= 0
                || Long.compareUnsigned(q0 * yn0, TWO32 * rhat + un0) > 0) {
            q0--;
            rhat += yn1;
            if (Long.compareUnsigned(rhat, TWO32) >= 0) {
                break;
            }
        }
        return q1 * TWO32 + q0;
    }
}
