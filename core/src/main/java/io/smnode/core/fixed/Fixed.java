package io.smnode.core.fixed;

import io.smnode.core.types.Bytes;
import java.math.BigInteger;

/**
 * A signed fixed-point number with 56 fractional bits, bit-for-bit the {@code Fixed} of spacemeshos/fixed v0.1.2
 * (the version go-spacemesh pins). Hare eligibility compares these values across nodes, so every operation
 * reproduces the reference's exact rounding, including its quirks:
 *
 * <ul>
 *   <li>The encoding is sign-magnitude over 128 bits: bit 63 of {@code hi} is the sign, the magnitude is
 *       {@code (hi & 2^63-1) << 64 | lo}, and the value is magnitude / 2^56. A negative zero exists.
 *   <li>{@link #lessThan} / {@link #greaterThan} / {@link #equals} compare that encoding as an unsigned 128-bit
 *       number, exactly as the reference does: right for non-negative values, and a negative value compares above
 *       every non-negative one. The incomplete-beta loop depends on this for its stopping rule.
 *   <li>{@link #mul} rounds toward zero, {@link #div} truncates, {@link #toDouble} truncates.
 * </ul>
 *
 * Operations that overflow throw {@link FixedOverflowException} where the reference panics.
 */
public final class Fixed {
    static final int FRAC_BITS = 56;
    static final long ONE_VALUE = 1L << FRAC_BITS;
    static final long FRAC_MASK = ONE_VALUE - 1;
    static final long HALF_VALUE = ONE_VALUE >> 1;
    static final long SIGN_MASK = 1L << 63;
    static final long UNSIGN_MASK = SIGN_MASK - 1;
    private static final BigInteger MAX_MAGNITUDE = BigInteger.ONE.shiftLeft(127);

    public static final Fixed ZERO = new Fixed(0, 0);
    public static final Fixed ONE = raw(ONE_VALUE);

    /** Low 64 bits of the magnitude. */
    final long lo;
    /** Sign bit and high 63 bits of the magnitude. */
    final long hi;

    Fixed(long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
    }

    // ---- construction -------------------------------------------------------------------------------------------

    /** The integer {@code value} (reference {@code New64}). */
    public static Fixed of(long value) {
        long v = abs(value);
        return new Fixed(v << FRAC_BITS, (v >>> (64 - FRAC_BITS)) | (value & SIGN_MASK));
    }

    /** The unsigned integer {@code value} (reference {@code ufixed}); never negative. */
    static Fixed ofUnsigned(long value) {
        return new Fixed(value << FRAC_BITS, value >>> (64 - FRAC_BITS));
    }

    /** A value given as a signed int64 with 56 fractional bits (reference {@code rawfixed}). */
    static Fixed raw(long scaled) {
        return new Fixed(abs(scaled), scaled & SIGN_MASK);
    }

    /**
     * The float64 {@code value}, truncated toward zero to 56 fractional bits (reference {@code From}).
     *
     * @throws FixedOverflowException when |value| needs more than 127 magnitude bits (also NaN and infinities)
     */
    public static Fixed from(double value) {
        long a = Double.doubleToRawLongBits(value);
        if (a == 0) {
            return ZERO;
        }
        long mantissa = (a & ((1L << 52) - 1)) | (1L << 52);
        int exponent = (int) ((a >>> 52) & 0x7ff) - 1023 - 52 + FRAC_BITS;
        long sign = a & SIGN_MASK;
        if (exponent < 0) {
            return new Fixed(Bits64.shr(mantissa, -exponent), sign);
        }
        if (Bits64.len(mantissa) + exponent > 127) {
            throw new FixedOverflowException();
        }
        return new Fixed(mantissa, sign).shl(exponent);
    }

    /**
     * {@code p / q} for unsigned 64-bit p and q, truncated (reference {@code DivUint64}; hare's
     * {@code committee / totalWeight}).
     *
     * @throws ArithmeticException when q is 0; {@link FixedOverflowException} when the quotient does not fit
     */
    public static Fixed divUint64(long p, long q) {
        return Div128.udiv(ofUnsigned(p), ofUnsigned(q));
    }

    /**
     * The fraction formed by the low 56 bits of the little-endian uint64 in the first 8 bytes (reference
     * {@code FracFromBytes}; hare reads a VRF signature this way).
     *
     * @throws IllegalArgumentException when fewer than 8 bytes are given
     */
    public static Fixed fracFromBytes(Bytes bytes) {
        if (bytes.length() < 8) {
            throw new IllegalArgumentException("fracFromBytes needs 8 bytes, got " + bytes.length());
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes.get(i) & 0xff);
        }
        return raw(v & FRAC_MASK);
    }

    /**
     * The value {@code scaled / 2^56} (the exact inverse of {@link #scaled()}).
     *
     * @throws FixedOverflowException when |scaled| does not fit 127 bits
     */
    public static Fixed ofScaled(BigInteger scaled) {
        BigInteger magnitude = scaled.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) >= 0) {
            throw new FixedOverflowException();
        }
        long sign = scaled.signum() < 0 ? SIGN_MASK : 0;
        return new Fixed(magnitude.longValue(), magnitude.shiftRight(64).longValue() | sign);
    }

    /** The exact value times 2^56, as a signed integer (negative zero gives 0). */
    public BigInteger scaled() {
        BigInteger magnitude = new BigInteger(Long.toUnsignedString(hi & UNSIGN_MASK))
                .shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(lo)));
        return isNegative() ? magnitude.negate() : magnitude;
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------------

    public Fixed add(Fixed y) {
        long xs = hi & SIGN_MASK;
        long ys = y.hi & SIGN_MASK;
        if (xs != ys) {
            return ys != 0 ? usub(this, y.abs()) : usub(y, abs());
        }
        return uadd(abs(), y.abs()).withSignOf(this);
    }

    public Fixed sub(Fixed y) {
        return add(y.neg());
    }

    /**
     * The product, the magnitude truncated to 56 fractional bits.
     *
     * @throws FixedOverflowException when the product's magnitude does not fit 127 bits
     */
    public Fixed mul(Fixed y) {
        long a = hi & UNSIGN_MASK;
        long b = y.hi & UNSIGN_MASK;
        // 256-bit magnitude product in r0..r3 (schoolbook over the 64-bit words).
        long r0 = lo * y.lo;
        long r1 = Bits64.mulHigh(lo, y.lo);
        long r2 = 0;
        long r3 = 0;

        long l = a * y.lo;
        long h = Bits64.mulHigh(a, y.lo);
        long c = Bits64.addCarry(r1, l, 0);
        r1 += l;
        long c2 = Bits64.addCarry(r2, h, c);
        r2 += h + c;
        r3 += c2;

        l = lo * b;
        h = Bits64.mulHigh(lo, b);
        c = Bits64.addCarry(r1, l, 0);
        r1 += l;
        c2 = Bits64.addCarry(r2, h, c);
        r2 += h + c;
        r3 += c2;

        l = a * b;
        h = Bits64.mulHigh(a, b);
        c = Bits64.addCarry(r2, l, 0);
        r2 += l;
        c2 = Bits64.addCarry(r3, h, c);
        r3 += h + c;

        // Drop the 56 extra fractional bits.
        long q0 = (r0 >>> 56) | (r1 << 8);
        long q1 = (r1 >>> 56) | (r2 << 8);
        long q2 = (r2 >>> 56) | (r3 << 8);
        long q3 = r3 >>> 56;
        if ((c2 | q3 | q2 | (q1 & SIGN_MASK)) != 0) {
            throw new FixedOverflowException();
        }
        return new Fixed(q0, q1 | ((hi & SIGN_MASK) ^ (y.hi & SIGN_MASK)));
    }

    /**
     * The quotient, truncated (its rounding follows the reference's 128-bit long division, bit for bit).
     *
     * @throws ArithmeticException when y is zero; {@link FixedOverflowException} when the quotient does not fit
     */
    public Fixed div(Fixed y) {
        Fixed a = Div128.udiv(abs(), y.abs());
        return new Fixed(a.lo, a.hi | ((hi & SIGN_MASK) ^ (y.hi & SIGN_MASK)));
    }

    public Fixed neg() {
        return new Fixed(lo, hi ^ SIGN_MASK);
    }

    public Fixed abs() {
        return new Fixed(lo, hi & UNSIGN_MASK);
    }

    Fixed inv() {
        return ONE.div(this);
    }

    // ---- rounding to integers -----------------------------------------------------------------------------------

    /** The largest integer not above the value. @throws FixedOverflowException when it does not fit int64 */
    public long floor() {
        long v = truncated();
        return (isNegative() && (lo & FRAC_MASK) != 0) ? v - 1 : v;
    }

    /** The smallest integer not below the value. @throws FixedOverflowException when it does not fit int64 */
    public long ceil() {
        long v = truncated();
        return (!isNegative() && (lo & FRAC_MASK) != 0) ? v + 1 : v;
    }

    /** Nearest integer, halves away from zero. @throws FixedOverflowException when it does not fit int64 */
    public long round() {
        return truncated() + ((lo >>> 55) & 1) * signum();
    }

    /** The integer part, truncated toward zero (reference {@code integer}). */
    long truncated() {
        if (bitLength() > FRAC_BITS + 63) {
            throw new FixedOverflowException();
        }
        return ((hi << 8) | (lo >>> FRAC_BITS)) * signum();
    }

    /** The fractional bits of the magnitude. */
    long fraction() {
        return lo & FRAC_MASK;
    }

    /**
     * The value as a signed int64 with 56 fractional bits (reference {@code fixed56}).
     *
     * @throws FixedOverflowException when |value| &gt;= 128
     */
    long toRaw56() {
        if ((hi & UNSIGN_MASK) != 0 || (lo & SIGN_MASK) != 0) {
            throw new FixedOverflowException();
        }
        return lo * signum();
    }

    // ---- conversions --------------------------------------------------------------------------------------------

    /**
     * The value as a float64, the mantissa truncated toward zero rather than rounded (reference {@code Float}).
     * Zero of either sign gives +0.0.
     */
    public double toDouble() {
        int l = bitLength();
        long a = l > 53 ? shr(l - 53).lo : Bits64.shl(lo, 53 - l);
        if (a != 0) {
            a &= ~(1L << 52);
            a |= (long) (1023 + l - 57) << 52;
            a |= hi & SIGN_MASK;
        }
        return Double.longBitsToDouble(a);
    }

    /** The reference's {@code String()}: {@code <sign><integer>'<14 hex fraction digits>/56}, e.g. {@code -4'20000000000000/56}. */
    @Override
    public String toString() {
        Fixed a = abs();
        return (isNegative() ? "-" : "+") + a.truncated() + "'" + String.format("%014x", a.fraction()) + "/56";
    }

    // ---- comparison ---------------------------------------------------------------------------------------------

    /** The reference's {@code LessThan}: unsigned comparison of the sign-magnitude encoding (see the class note). */
    public boolean lessThan(Fixed y) {
        return Long.compareUnsigned(hi, y.hi) < 0 || (hi == y.hi && Long.compareUnsigned(lo, y.lo) < 0);
    }

    /** The reference's {@code GreaterThan}: unsigned comparison of the encoding (see the class note). */
    public boolean greaterThan(Fixed y) {
        return Long.compareUnsigned(hi, y.hi) > 0 || (hi == y.hi && Long.compareUnsigned(lo, y.lo) > 0);
    }

    public boolean isZero() {
        return ((hi & UNSIGN_MASK) | lo) == 0;
    }

    /** True when the sign bit is set (so also for negative zero). */
    public boolean isNegative() {
        return hi < 0;
    }

    /** The reference's {@code EqualTo}: same encoding (so +0 and -0 differ). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fixed f && f.hi == hi && f.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi) * 31 + Long.hashCode(lo);
    }

    // ---- package internals shared by the division and the special functions -------------------------------------

    /** Number of magnitude bits. */
    int bitLength() {
        long v = hi & UNSIGN_MASK;
        return v != 0 ? Bits64.len(v) + 64 : Bits64.len(lo);
    }

    /** Magnitude shifted left by n, sign kept. @throws FixedOverflowException when a bit would be lost */
    Fixed shl(int n) {
        long l = lo;
        long h = hi & UNSIGN_MASK;
        if (n > 64) {
            if (h != 0) {
                throw new FixedOverflowException();
            }
            h = l;
            l = 0;
            n -= 64;
        }
        if ((Bits64.shr(h, 64 - n) | (Bits64.shl(h, n) & SIGN_MASK)) != 0) {
            throw new FixedOverflowException();
        }
        return new Fixed(Bits64.shl(l, n), Bits64.shl(h, n) | Bits64.shr(l, 64 - n) | (hi & SIGN_MASK));
    }

    /** Magnitude shifted right by n (truncating), sign kept. */
    Fixed shr(int n) {
        long l = lo;
        long h = hi & UNSIGN_MASK;
        if (n > 64) {
            l = h;
            h = 0;
            n -= 64;
        }
        return new Fixed(Bits64.shl(h, 64 - n) | Bits64.shr(l, n), Bits64.shr(h, n) | (hi & SIGN_MASK));
    }

    /**
     * The whole 128-bit word, sign bit included, shifted left by n &lt;= 127 with no overflow check (reference
     * {@code shl_}); callers first make sure the bits shifted out are zero.
     */
    Fixed shlUnchecked(int n) {
        long l = lo;
        long h = hi;
        if (n > 64) {
            h = l;
            l = 0;
            n -= 64;
        }
        return new Fixed(Bits64.shl(l, n), Bits64.shl(h, n) | Bits64.shr(l, 64 - n));
    }

    private Fixed withSignOf(Fixed y) {
        return new Fixed(lo, (hi & UNSIGN_MASK) | (y.hi & SIGN_MASK));
    }

    private long signum() {
        return (hi >> 63) * 2 + 1;
    }

    /** Sum of two magnitudes. */
    private static Fixed uadd(Fixed x, Fixed y) {
        long l = x.lo + y.lo;
        long c = Bits64.addCarry(x.lo, y.lo, 0);
        long h = x.hi + y.hi + c;
        long c2 = Bits64.addCarry(x.hi, y.hi, c);
        if ((c2 | (h & SIGN_MASK)) != 0) {
            throw new FixedOverflowException();
        }
        return new Fixed(l, h);
    }

    /** x - y for two non-negative values, by the reference's rule (compare encodings, subtract the smaller). */
    private static Fixed usub(Fixed x, Fixed y) {
        if (x.lessThan(y)) {
            long b = Bits64.subBorrow(y.lo, x.lo, 0);
            return new Fixed(y.lo - x.lo, (y.hi - x.hi - b) | SIGN_MASK);
        }
        long b = Bits64.subBorrow(x.lo, y.lo, 0);
        return new Fixed(x.lo - y.lo, x.hi - y.hi - b);
    }

    private static long abs(long x) {
        long s = x >> 63;
        return (x ^ s) - s;
    }
}
