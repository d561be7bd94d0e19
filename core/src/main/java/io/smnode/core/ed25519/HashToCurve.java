package io.smnode.core.ed25519;

import io.smnode.core.hash.Sha512;
import java.math.BigInteger;
import java.security.MessageDigest;

/**
 * RFC 9380 hash-to-curve for edwards25519, non-uniform encoding only: suite
 * {@code edwards25519_XMD:SHA-512_ELL2_NU_} (expand_message_xmd with SHA-512, one field element, Elligator 2 on
 * curve25519, the rational map to edwards25519, then cofactor clearing). This is what ECVRF draft-13's
 * {@code encode_to_curve_h2c_suite} uses.
 */
public final class HashToCurve {
    /** L = ceil((ceil(log2(p)) + k) / 8) with k = 128: 48 bytes per field element. */
    private static final int FIELD_ELEMENT_BYTES = 48;
    private static final int SHA512_BLOCK_BYTES = 128;
    private static final int SHA512_BYTES = 64;

    /** Montgomery curve25519 A = 486662 (J in RFC 9380; K = 1). */
    private static final FieldElement MONTGOMERY_A = FieldElement.fromLong(486662);
    /** Elligator 2 non-square Z = 2. */
    private static final FieldElement Z = FieldElement.fromLong(2);
    /** sqrt(-486664) with sgn0 = 0, the scale factor of the curve25519 -> edwards25519 rational map. */
    private static final FieldElement SQRT_MINUS_A_PLUS_2 =
            FieldElement.sqrtRatio(FieldElement.fromLong(-486664), FieldElement.ONE);

    private HashToCurve() {}

    /** encode_to_curve(msg) for {@code edwards25519_XMD:SHA-512_ELL2_NU_} with the caller's domain tag. */
    public static EdwardsPoint encodeToCurveSha512Ell2Nu(byte[] dst, byte[] msg) {
        byte[] uniform = expandMessageXmdSha512(msg, dst, FIELD_ELEMENT_BYTES);
        FieldElement u = FieldElement.fromBigInteger(new BigInteger(1, uniform)); // OS2IP is big-endian
        return mapToCurveElligator2Edwards(u).mulByCofactor();
    }

    /** RFC 9380 §5.3.1 expand_message_xmd with SHA-512 (DST up to 255 bytes; output up to 255 * 64 bytes). */
    static byte[] expandMessageXmdSha512(byte[] msg, byte[] dst, int lenInBytes) {
        int ell = (lenInBytes + SHA512_BYTES - 1) / SHA512_BYTES;
        if (dst.length > 255 || ell > 255 || lenInBytes > 65535 || lenInBytes == 0) {
            throw new IllegalArgumentException("expand_message_xmd parameters out of range");
        }
        MessageDigest h = Sha512.newDigest();
        h.update(new byte[SHA512_BLOCK_BYTES]); // Z_pad
        h.update(msg);
        h.update(new byte[] {(byte) (lenInBytes >> 8), (byte) lenInBytes, 0}); // l_i_b_str || I2OSP(0, 1)
        h.update(dst);
        h.update((byte) dst.length);
        byte[] b0 = h.digest();

        byte[] out = new byte[lenInBytes];
        byte[] previous = new byte[SHA512_BYTES]; // b_0 xor b_0 = 0 makes step 1 look like the others
        for (int i = 1; i <= ell; i++) {
            for (int j = 0; j < SHA512_BYTES; j++) {
                previous[j] ^= b0[j];
            }
            h.update(previous);
            h.update((byte) i);
            h.update(dst);
            h.update((byte) dst.length);
            previous = h.digest();
            int offset = (i - 1) * SHA512_BYTES;
            System.arraycopy(previous, 0, out, offset, Math.min(SHA512_BYTES, lenInBytes - offset));
        }
        return out;
    }

    /**
     * RFC 9380 §6.7.1 map_to_curve_elligator2 on curve25519 (Z = 2, J = 486662, K = 1) followed by the
     * Appendix D rational map (v, w) = (sqrt(-486664) s / t, (s - 1) / (s + 1)), identity when undefined.
     */
    static EdwardsPoint mapToCurveElligator2Edwards(FieldElement u) {
        FieldElement x1 = MONTGOMERY_A.negate().mul(FieldElement.ONE.add(Z.mul(u.square())).invert());
        if (x1.isZero()) {
            x1 = MONTGOMERY_A.negate();
        }
        FieldElement x2 = x1.negate().sub(MONTGOMERY_A);
        FieldElement y1 = FieldElement.sqrtRatio(montgomeryRhs(x1), FieldElement.ONE);
        FieldElement s;
        FieldElement t;
        if (y1 != null) {
            s = x1;
            t = y1.isZero() ? y1 : y1.negate(); // sqrtRatio gives sgn0 = 0; this branch wants sgn0 = 1
        } else {
            s = x2;
            t = FieldElement.sqrtRatio(montgomeryRhs(x2), FieldElement.ONE); // a square whenever gx1 is not
        }
        FieldElement sPlusOne = s.add(FieldElement.ONE);
        if (t.isZero() || sPlusOne.isZero()) {
            return EdwardsPoint.IDENTITY;
        }
        FieldElement v = SQRT_MINUS_A_PLUS_2.mul(s).mul(t.invert());
        FieldElement w = s.sub(FieldElement.ONE).mul(sPlusOne.invert());
        return EdwardsPoint.fromAffine(v, w);
    }

    /** g(x) = x^3 + A x^2 + x, the right-hand side of curve25519. */
    private static FieldElement montgomeryRhs(FieldElement x) {
        FieldElement xx = x.square();
        return xx.mul(x).add(MONTGOMERY_A.mul(xx)).add(x);
    }
}
