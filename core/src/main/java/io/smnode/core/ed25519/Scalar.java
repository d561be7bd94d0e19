package io.smnode.core.ed25519;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An integer modulo the prime group order L = 2^252 + 27742317777372353535851937790883648493, immutable.
 * Encoded as 32 little-endian bytes. Arithmetic is BigInteger-based: simple and obviously right, but not
 * constant-time (see the VRF prover's note).
 */
public final class Scalar {
    public static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    public static final Scalar ZERO = new Scalar(BigInteger.ZERO);

    private final BigInteger value;

    private Scalar(BigInteger value) {
        this.value = value;
    }

    /** A 64-byte little-endian string (a SHA-512 output) reduced mod L, as RFC 8032 does with its hashes. */
    public static Scalar fromBytesModOrderWide(byte[] le64) {
        if (le64.length != 64) {
            throw new IllegalArgumentException("wide scalar needs 64 bytes, got " + le64.length);
        }
        return new Scalar(unsignedLittleEndian(le64).mod(L));
    }

    /** Any little-endian string up to 64 bytes, reduced mod L (e.g. a clamped secret or a 16-byte challenge). */
    public static Scalar fromBytesModOrder(byte[] le) {
        if (le.length > 64) {
            throw new IllegalArgumentException("scalar input longer than 64 bytes: " + le.length);
        }
        return new Scalar(unsignedLittleEndian(le).mod(L));
    }

    /** A 32-byte encoding only if it is canonical (below L): RFC 8032's malleability rule for S. */
    public static Optional<Scalar> fromCanonicalBytes(byte[] le32) {
        if (le32.length != 32) {
            return Optional.empty();
        }
        BigInteger v = unsignedLittleEndian(le32);
        return v.compareTo(L) < 0 ? Optional.of(new Scalar(v)) : Optional.empty();
    }

    public Scalar add(Scalar o) {
        return new Scalar(value.add(o.value).mod(L));
    }

    public Scalar mul(Scalar o) {
        return new Scalar(value.multiply(o.value).mod(L));
    }

    public Scalar negate() {
        return new Scalar(value.negate().mod(L));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** 32-byte little-endian canonical encoding. */
    public byte[] toBytes() {
        byte[] be = value.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /**
     * The scalar as 64 signed radix-16 digits d_i in [-8, 8) with value sum d_i 16^i; every digit, including the
     * top one, stays in range because the scalar is below 2^253.
     */
    byte[] signedRadix16() {
        byte[] a = toBytes();
        byte[] e = new byte[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = (byte) (a[i] & 15);
            e[2 * i + 1] = (byte) ((a[i] >> 4) & 15);
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

    private static BigInteger unsignedLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Scalars are often secret (keys, nonces): the value is never printed. */
    @Override
    public String toString() {
        return "Scalar(..)";
    }
}
