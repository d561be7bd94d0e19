package io.smnode.core.fixed;

/**
 * The reference's 128-bit magnitude division ({@code div128.go}), step for step. Its rounding is not plain
 * truncation in every case (the one-step correction uses "greater than", not "at least", and a large dividend is
 * divided in two stages), so the algorithm itself is part of the consensus rules and is kept as it is.
 */
final class Div128 {
    private Div128() {}

    private record QuotRem(Fixed quotient, Fixed remainder) {}

    /** Magnitude of u / v with 56 fractional bits, both non-negative (reference {@code udiv}). */
    static Fixed udiv(Fixed u, Fixed v) {
        if ((u.hi & ~0x7fL) == 0) {
            // u * 2^56 still fits 128 bits: one division.
            Fixed scaled = new Fixed(u.lo << Fixed.FRAC_BITS, (u.hi << Fixed.FRAC_BITS) | (u.lo >>> 8));
            return div128(scaled, v).quotient;
        }
        // Integer quotient first, then the remainder's fraction with as much of the shift as fits in the
        // remainder and the rest taken off the divisor.
        QuotRem qr = div128(u, v);
        Fixed integer = qr.quotient.shl(Fixed.FRAC_BITS);
        int n = Math.min(Fixed.FRAC_BITS, Long.numberOfLeadingZeros(qr.remainder.hi) - 1);
        Fixed remainder = qr.remainder.shlUnchecked(n);
        Fixed divisor = v.shr(Fixed.FRAC_BITS - n);
        return integer.add(div128(remainder, divisor).quotient);
    }

    /** Unsigned 128 / 128 bits (Hacker's Delight "divlu2" shape, with the reference's correction step). */
    private static QuotRem div128(Fixed u, Fixed v) {
        if (v.hi == 0) {
            return div64(u, v.lo);
        }
        int n = Long.numberOfLeadingZeros(v.hi);
        long v1hi = (v.hi << n) | Bits64.shr(v.lo, 64 - n);
        long tq = Bits64.divQuotient(u.hi, u.lo, v1hi);
        tq = Bits64.shr(tq, 64 - n);
        tq -= (-tq) >>> 63; // tq-1 unless tq is 0: the estimate may be one too large
        Fixed q = new Fixed(tq, 0);
        Fixed r = u.sub(mul64(v, tq));
        if (r.greaterThan(v)) {
            q = new Fixed(q.lo + 1, Bits64.addCarry(q.lo, 1, 0));
            r = r.sub(v);
        }
        return new QuotRem(q, r);
    }

    /** Unsigned 128 / 64 bits. */
    private static QuotRem div64(Fixed u, long v) {
        if (Long.compareUnsigned(u.hi, v) < 0) {
            long lo = Bits64.divQuotient(u.hi, u.lo, v);
            return new QuotRem(new Fixed(lo, 0), new Fixed(u.lo - lo * v, 0));
        }
        long hi = Bits64.divQuotient(0, u.hi, v);
        long r = u.hi - hi * v;
        long lo = Bits64.divQuotient(r, u.lo, v);
        return new QuotRem(new Fixed(lo, hi), new Fixed(u.lo - lo * v, 0));
    }

    /** The 128-bit word x times the unsigned y. @throws FixedOverflowException when it needs more than 128 bits */
    private static Fixed mul64(Fixed x, long y) {
        long lo = x.lo * y;
        long hi = Bits64.mulHigh(x.lo, y);
        long c0 = Bits64.mulHigh(x.hi, y);
        long d = x.hi * y;
        long c1 = Bits64.addCarry(hi, d, 0);
        if ((c0 | c1) != 0) {
            throw new FixedOverflowException();
        }
        return new Fixed(lo, hi + d);
    }
}
