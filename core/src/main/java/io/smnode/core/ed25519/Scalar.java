package io.smnode.core.ed25519;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * An integer modulo the prime group order L = 2^252 + 27742317777372353535851937790883648493, immutable, held as
 * its canonical 32-byte little-endian encoding. Scalars are often secret (keys, nonces), so the arithmetic runs
 * the same instruction sequence whatever the values: fixed-length loops over 32-bit limbs and masked selection
 * instead of branches (the JVM gives no hard guarantee, but nothing here depends on the value on purpose).
 */
public final class Scalar {
    public static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    public static final Scalar ZERO = new Scalar(new byte[32]);

    /** Limbs of a value below 2L fit in 9 x 32 bits; one spare limb keeps the doubling step from overflowing. */
    private static final int LIMBS = 9;
    private static final long MASK32 = 0xffffffffL;
    private static final long[] L_LIMBS = limbsOf(L);

    private final byte[] bytes;

    private Scalar(byte[] canonicalLittleEndian) {
        this.bytes = canonicalLittleEndian;
    }

    /** A 64-byte little-endian string (a SHA-512 output) reduced mod L, as RFC 8032 does with its hashes. */
    public static Scalar fromBytesModOrderWide(byte[] le64) {
        if (le64.length != 64) {
            throw new IllegalArgumentException("wide scalar needs 64 bytes, got " + le64.length);
        }
        return fromBytesModOrder(le64);
    }

    /** Any little-endian string up to 64 bytes, reduced mod L (e.g. a clamped secret or a 16-byte challenge). */
    public static Scalar fromBytesModOrder(byte[] le) {
        if (le.length > 64) {
            throw new IllegalArgumentException("scalar input longer than 64 bytes: " + le.length);
        }
        int[] words = new int[16];
        for (int i = 0; i < le.length; i++) {
            words[i / 4] |= (le[i] & 0xff) << (8 * (i % 4));
        }
        return reduce(words, 8 * le.length); // the input length is public; only the value must not show
    }

    /** A 32-byte encoding only if it is canonical (below L): RFC 8032's malleability rule for S. Public data. */
    public static Optional<Scalar> fromCanonicalBytes(byte[] le32) {
        if (le32 == null || le32.length != 32) {
            return Optional.empty();
        }
        long[] v = limbsOf(le32);
        long borrow = subtractInPlace(v, L_LIMBS);
        return borrow != 0 ? Optional.of(new Scalar(le32.clone())) : Optional.empty();
    }

    public Scalar add(Scalar o) {
        long[] a = limbsOf(bytes);
        long[] b = limbsOf(o.bytes);
        long carry = 0;
        for (int i = 0; i < LIMBS; i++) {
            long s = a[i] + b[i] + carry;
            a[i] = s & MASK32;
            carry = s >>> 32;
        }
        conditionalSubtractL(a);
        return new Scalar(toBytes(a));
    }

    public Scalar negate() {
        long[] r = L_LIMBS.clone();
        subtractInPlace(r, limbsOf(bytes)); // L - a, in (0, L]
        conditionalSubtractL(r);             // maps L (from a = 0) to 0
        return new Scalar(toBytes(r));
    }

    public Scalar mul(Scalar o) {
        long[] a = limbsOf(bytes);
        long[] b = limbsOf(o.bytes);
        long[] product = new long[16];
        for (int i = 0; i < 8; i++) {
            long carry = 0;
            for (int j = 0; j < 8; j++) {
                long t = a[i] * b[j]; // may exceed 2^63: treat as unsigned via the split below
                long lo = (t & MASK32) + product[i + j] + carry;
                product[i + j] = lo & MASK32;
                carry = (t >>> 32) + (lo >>> 32);
            }
            product[i + 8] = carry;
        }
        int[] words = new int[16];
        for (int i = 0; i < 16; i++) {
            words[i] = (int) product[i];
        }
        return reduce(words, 512);
    }

    public boolean isZero() {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    /** 32-byte little-endian canonical encoding. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * The scalar as 64 signed radix-16 digits d_i in [-8, 8) with value sum d_i 16^i; every digit, including the
     * top one, stays in range because the scalar is below 2^253.
     */
    byte[] signedRadix16() {
        byte[] e = new byte[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = (byte) (bytes[i] & 15);
            e[2 * i + 1] = (byte) ((bytes[i] >> 4) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[63] += carry;
        return e;
    }

    /**
     * The low {@code bits} bits of a 512-bit value (16 little-endian 32-bit words) mod L by binary long division:
     * feed the bits in from the top, doubling the remainder and subtracting L whenever it reaches L. Identical
     * rounds, no value-dependent branch; about ten microseconds for 512 bits, fine for the handful of reductions
     * per signature or proof.
     */
    private static Scalar reduce(int[] words, int bits) {
        long[] r = new long[LIMBS];
        for (int bit = bits - 1; bit >= 0; bit--) {
            long carry = (words[bit >>> 5] >>> (bit & 31)) & 1;
            for (int i = 0; i < LIMBS; i++) {
                long d = (r[i] << 1) | carry;
                r[i] = d & MASK32;
                carry = d >>> 32;
            }
            conditionalSubtractL(r);
        }
        return new Scalar(toBytes(r));
    }

    /** r := r - L when r >= L, for r < 2L, chosen by a mask rather than a branch. */
    private static void conditionalSubtractL(long[] r) {
        long[] t = r.clone();
        long borrow = subtractInPlace(t, L_LIMBS);
        long keepOriginal = -borrow; // all ones when r < L
        for (int i = 0; i < LIMBS; i++) {
            r[i] = (r[i] & keepOriginal) | (t[i] & ~keepOriginal);
        }
    }

    /** a := a - b over 32-bit limbs; returns the final borrow (1 when a < b). */
    private static long subtractInPlace(long[] a, long[] b) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long d = a[i] - b[i] - borrow;
            a[i] = d & MASK32;
            borrow = (d >>> 63) & 1;
        }
        return borrow;
    }

    private static long[] limbsOf(byte[] le32) {
        long[] v = new long[LIMBS];
        for (int i = 0; i < 32; i++) {
            v[i / 4] |= (long) (le32[i] & 0xff) << (8 * (i % 4));
        }
        return v;
    }

    private static long[] limbsOf(BigInteger value) {
        long[] v = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            v[i] = value.shiftRight(32 * i).longValue() & MASK32;
        }
        return v;
    }

    private static byte[] toBytes(long[] limbs) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (limbs[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Scalars are often secret (keys, nonces): the value is never printed. */
    @Override
    public String toString() {
        return "Scalar(..)";
    }
}
