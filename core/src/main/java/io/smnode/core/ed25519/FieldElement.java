package io.smnode.core.ed25519;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of GF(p), p = 2^255 - 19, immutable. Ten signed 64-bit limbs in radix 2^25.5 (limb i holds 26 bits
 * when i is even and 25 when odd, at bit offset ceil(25.5 i)), so a full product of two carried elements fits in
 * a {@code long} without 128-bit arithmetic. Every operation returns a carried element (limbs within about one
 * bit of their nominal width); the value itself is only fully reduced below p when encoded.
 */
final class FieldElement {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private static final int[] BITS = {26, 25, 26, 25, 26, 25, 26, 25, 26, 25};

    static final FieldElement ZERO = fromLong(0);
    static final FieldElement ONE = fromLong(1);
    /** sqrt(-1) = 2^((p-1)/4); needed to finish square roots because p = 5 (mod 8). */
    static final FieldElement SQRT_M1 =
            fromBigInteger(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));

    // Ten fields rather than a long[]: one allocation per result and no bounds checks on the hot path.
    private final long t0, t1, t2, t3, t4, t5, t6, t7, t8, t9;

    private FieldElement(long t0, long t1, long t2, long t3, long t4, long t5, long t6, long t7, long t8, long t9) {
        this.t0 = t0;
        this.t1 = t1;
        this.t2 = t2;
        this.t3 = t3;
        this.t4 = t4;
        this.t5 = t5;
        this.t6 = t6;
        this.t7 = t7;
        this.t8 = t8;
        this.t9 = t9;
    }

    private static FieldElement of(long[] h) {
        return new FieldElement(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9]);
    }

    private long[] limbs() {
        return new long[] {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
    }

    static FieldElement fromLong(long value) {
        return fromBigInteger(BigInteger.valueOf(value));
    }

    /** Any integer, reduced mod p (used for constants and for the wide hash-to-field input). */
    static FieldElement fromBigInteger(BigInteger value) {
        byte[] be = value.mod(P).toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            le[i] = be[be.length - 1 - i];
        }
        return fromBytesIgnoringTopBit(le);
    }

    /**
     * The low 255 bits of a 32-byte little-endian string; bit 255 (the sign bit of a point encoding) is dropped.
     * The result may represent a value in [p, 2^255): callers that need canonical input check it themselves.
     */
    static FieldElement fromBytesIgnoringTopBit(byte[] b) {
        long[] h = new long[10];
        long acc = 0;
        int accBits = 0;
        int index = 0;
        for (int i = 0; i < 10; i++) {
            while (accBits < BITS[i]) {
                acc |= (long) (b[index++] & 0xff) << accBits;
                accBits += 8;
            }
            h[i] = acc & ((1L << BITS[i]) - 1);
            acc >>>= BITS[i];
            accBits -= BITS[i];
        }
        return of(h);
    }

    /** True when the 255-bit little-endian value in {@code b} (top bit ignored) is below p. */
    static boolean isCanonical(byte[] b) {
        // Only the values p .. 2^255-1 are non-canonical: 0x7f..ff in the top bytes and a low byte >= 0xed.
        if ((b[31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if (b[i] != (byte) 0xff) {
                return true;
            }
        }
        return (b[0] & 0xff) < 0xed;
    }

    /** The canonical 32-byte little-endian encoding of the value reduced into [0, p). */
    byte[] toBytes() {
        long[] h = limbs();
        // q = floor((h + 19) / 2^255) is 1 exactly when h >= p; subtracting q*p finishes the reduction.
        long q = (19 * h[9] + (1L << 24)) >> 25;
        for (int i = 0; i < 10; i++) {
            q = (h[i] + q) >> BITS[i];
        }
        h[0] += 19 * q;
        for (int i = 0; i < 9; i++) {
            long c = h[i] >> BITS[i];
            h[i + 1] += c;
            h[i] -= c << BITS[i];
        }
        h[9] &= (1L << 25) - 1;

        byte[] out = new byte[32];
        long acc = 0;
        int accBits = 0;
        int o = 0;
        for (int i = 0; i < 10; i++) {
            acc |= h[i] << accBits;
            accBits += BITS[i];
            while (accBits >= 8) {
                out[o++] = (byte) acc;
                acc >>>= 8;
                accBits -= 8;
            }
        }
        out[o] = (byte) acc;
        return out;
    }

    boolean isZero() {
        byte[] b = toBytes();
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }

    /** RFC 8032 / RFC 9380 sgn0: the low bit of the canonical encoding. */
    boolean isNegative() {
        return (toBytes()[0] & 1) == 1;
    }

    boolean sameValue(FieldElement o) {
        return Arrays.equals(toBytes(), o.toBytes());
    }

    FieldElement add(FieldElement o) {
        return carried(t0 + o.t0, t1 + o.t1, t2 + o.t2, t3 + o.t3, t4 + o.t4,
                t5 + o.t5, t6 + o.t6, t7 + o.t7, t8 + o.t8, t9 + o.t9);
    }

    FieldElement sub(FieldElement o) {
        return carried(t0 - o.t0, t1 - o.t1, t2 - o.t2, t3 - o.t3, t4 - o.t4,
                t5 - o.t5, t6 - o.t6, t7 - o.t7, t8 - o.t8, t9 - o.t9);
    }

    FieldElement negate() {
        return ZERO.sub(this);
    }

    /** {@code b} when {@code choose} is 1, {@code a} when 0, without a branch on the choice. */
    static FieldElement select(FieldElement a, FieldElement b, int choose) {
        long m = -(long) choose;
        return new FieldElement(a.t0 ^ ((a.t0 ^ b.t0) & m), a.t1 ^ ((a.t1 ^ b.t1) & m), a.t2 ^ ((a.t2 ^ b.t2) & m),
                a.t3 ^ ((a.t3 ^ b.t3) & m), a.t4 ^ ((a.t4 ^ b.t4) & m), a.t5 ^ ((a.t5 ^ b.t5) & m),
                a.t6 ^ ((a.t6 ^ b.t6) & m), a.t7 ^ ((a.t7 ^ b.t7) & m), a.t8 ^ ((a.t8 ^ b.t8) & m),
                a.t9 ^ ((a.t9 ^ b.t9) & m));
    }

    FieldElement mul(FieldElement o) {
        long f0 = t0, f1 = t1, f2 = t2, f3 = t3, f4 = t4, f5 = t5, f6 = t6, f7 = t7, f8 = t8, f9 = t9;
        long g0 = o.t0, g1 = o.t1, g2 = o.t2, g3 = o.t3, g4 = o.t4;
        long g5 = o.t5, g6 = o.t6, g7 = o.t7, g8 = o.t8, g9 = o.t9;
        // An odd limb times an odd limb lands half a bit above its slot (25.5 radix), hence the doubled f_odd;
        // anything at or past 2^255 wraps to the bottom multiplied by 19, hence the g*19 terms. Carried limbs are
        // below about 2^26 in magnitude, so a term is below 2^26 * 2 * 2^26 * 19 < 2^58 and a sum of ten below 2^62.
        long f1_2 = 2 * f1, f3_2 = 2 * f3, f5_2 = 2 * f5, f7_2 = 2 * f7, f9_2 = 2 * f9;
        long g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4, g5_19 = 19 * g5;
        long g6_19 = 19 * g6, g7_19 = 19 * g7, g8_19 = 19 * g8, g9_19 = 19 * g9;
        long h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19
                + f5_2 * g5_19 + f6 * g4_19 + f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
        long h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19
                + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
        long h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19
                + f5_2 * g7_19 + f6 * g6_19 + f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19
                + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
        long h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0
                + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19 + f8 * g6_19 + f9_2 * g5_19;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1
                + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
        long h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2
                + f5_2 * g1 + f6 * g0 + f7_2 * g9_19 + f8 * g8_19 + f9_2 * g7_19;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3
                + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
        long h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4
                + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0 + f9_2 * g9_19;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
        return carried(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /** mul(this, this) with the symmetric products merged: 55 multiplications instead of 100. */
    FieldElement square() {
        long f0 = t0, f1 = t1, f2 = t2, f3 = t3, f4 = t4, f5 = t5, f6 = t6, f7 = t7, f8 = t8, f9 = t9;
        long f0_2 = 2 * f0, f1_2 = 2 * f1, f2_2 = 2 * f2, f3_2 = 2 * f3, f4_2 = 2 * f4, f5_2 = 2 * f5;
        long f6_2 = 2 * f6, f7_2 = 2 * f7, f8_2 = 2 * f8, f9_2 = 2 * f9;
        long f1_4 = 4 * f1, f3_4 = 4 * f3, f5_4 = 4 * f5, f7_4 = 4 * f7;
        long f5_19 = 19 * f5, f6_19 = 19 * f6, f7_19 = 19 * f7, f8_19 = 19 * f8, f9_19 = 19 * f9;
        long h0 = f0 * f0 + f1_4 * f9_19 + f2_2 * f8_19 + f3_4 * f7_19 + f4_2 * f6_19 + f5_2 * f5_19;
        long h1 = f0_2 * f1 + f2_2 * f9_19 + f3_2 * f8_19 + f4_2 * f7_19 + f5_2 * f6_19;
        long h2 = f0_2 * f2 + f1_2 * f1 + f3_4 * f9_19 + f4_2 * f8_19 + f5_4 * f7_19 + f6 * f6_19;
        long h3 = f0_2 * f3 + f1_2 * f2 + f4_2 * f9_19 + f5_2 * f8_19 + f6_2 * f7_19;
        long h4 = f0_2 * f4 + f1_4 * f3 + f2 * f2 + f5_4 * f9_19 + f6_2 * f8_19 + f7_2 * f7_19;
        long h5 = f0_2 * f5 + f1_2 * f4 + f2_2 * f3 + f6_2 * f9_19 + f7_2 * f8_19;
        long h6 = f0_2 * f6 + f1_4 * f5 + f2_2 * f4 + f3_2 * f3 + f7_4 * f9_19 + f8 * f8_19;
        long h7 = f0_2 * f7 + f1_2 * f6 + f2_2 * f5 + f3_2 * f4 + f8_2 * f9_19;
        long h8 = f0_2 * f8 + f1_4 * f7 + f2_2 * f6 + f3_4 * f5 + f4 * f4 + f9_2 * f9_19;
        long h9 = f0_2 * f9 + f1_2 * f8 + f2_2 * f7 + f3_2 * f6 + f4_2 * f5;
        return carried(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /** this^(2^k). */
    FieldElement squareTimes(int k) {
        FieldElement r = this;
        for (int i = 0; i < k; i++) {
            r = r.square();
        }
        return r;
    }

    /** this^(p-2) = 1/this (0 maps to 0), by the usual 2^255-21 addition chain. */
    FieldElement invert() {
        FieldElement[] c = chain();
        return c[0].squareTimes(5).mul(c[1]);
    }

    /** this^((p-5)/8) = this^(2^252-3), the exponent of the p = 5 (mod 8) square-root formula. */
    FieldElement pow22523() {
        return chain()[0].squareTimes(2).mul(this);
    }

    /** {this^(2^250-1), this^11}: the shared prefix of the inversion and square-root exponents. */
    private FieldElement[] chain() {
        FieldElement z2 = square();
        FieldElement z9 = z2.squareTimes(2).mul(this);
        FieldElement z11 = z9.mul(z2);
        FieldElement z5 = z11.square().mul(z9);            // 2^5 - 1
        FieldElement z10 = z5.squareTimes(5).mul(z5);       // 2^10 - 1
        FieldElement z20 = z10.squareTimes(10).mul(z10);    // 2^20 - 1
        FieldElement z40 = z20.squareTimes(20).mul(z20);    // 2^40 - 1
        FieldElement z50 = z40.squareTimes(10).mul(z10);    // 2^50 - 1
        FieldElement z100 = z50.squareTimes(50).mul(z50);   // 2^100 - 1
        FieldElement z200 = z100.squareTimes(100).mul(z100); // 2^200 - 1
        FieldElement z250 = z200.squareTimes(50).mul(z50);  // 2^250 - 1
        return new FieldElement[] {z250, z11};
    }

    /**
     * sqrt(u/v) when it exists, as the root whose sign (low bit) is 0; {@code null} when u/v is not a square
     * (v = 0 counts as not a square unless u = 0 as well, which yields 0).
     */
    static FieldElement sqrtRatio(FieldElement u, FieldElement v) {
        FieldElement v3 = v.square().mul(v);
        FieldElement v7 = v3.square().mul(v);
        FieldElement x = u.mul(v3).mul(u.mul(v7).pow22523());
        FieldElement check = v.mul(x.square());
        if (!check.sameValue(u)) {
            if (!check.sameValue(u.negate())) {
                return null;
            }
            x = x.mul(SQRT_M1); // x was a root of -u/v
        }
        return x.isNegative() ? x.negate() : x;
    }

    /**
     * Carries every limb into its nominal width with floor shifts; the carry out of the top limb re-enters at the
     * bottom times 19 because 2^255 = 19 (mod p).
     */
    private static FieldElement carried(long h0, long h1, long h2, long h3, long h4, long h5, long h6, long h7,
            long h8, long h9) {
        // Unrolled with constant shifts: this runs after every operation and dominates add/sub.
        long c;
        c = h0 >> 26; h1 += c; h0 -= c << 26;
        c = h1 >> 25; h2 += c; h1 -= c << 25;
        c = h2 >> 26; h3 += c; h2 -= c << 26;
        c = h3 >> 25; h4 += c; h3 -= c << 25;
        c = h4 >> 26; h5 += c; h4 -= c << 26;
        c = h5 >> 25; h6 += c; h5 -= c << 25;
        c = h6 >> 26; h7 += c; h6 -= c << 26;
        c = h7 >> 25; h8 += c; h7 -= c << 25;
        c = h8 >> 26; h9 += c; h8 -= c << 26;
        c = h9 >> 25; h0 += 19 * c; h9 -= c << 25;
        c = h0 >> 26; h1 += c; h0 -= c << 26;
        return new FieldElement(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldElement f && sameValue(f);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "FieldElement(" + new BigInteger(1, reversed(toBytes())) + ")";
    }

    private static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
