package io.smnode.core.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Sha512;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdwardsPointTest {
    /** The eight points of order dividing 8, as listed in "Taming the many EdDSAs" (Chalkias et al., 2020). */
    private static final List<String> TORSION = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");

    private static Scalar scalar(BigInteger v) {
        return Scalar.fromBytesModOrder(Hex.decode(reverseHex(String.format("%064x", v))));
    }

    private static String reverseHex(String be) {
        StringBuilder sb = new StringBuilder();
        for (int i = be.length() - 2; i >= 0; i -= 2) {
            sb.append(be, i, i + 2);
        }
        return sb.toString();
    }

    @Test
    void basepointRoundTripsAndHasOrderL() {
        assertEquals("5866666666666666666666666666666666666666666666666666666666666666",
                Hex.encode(EdwardsPoint.BASEPOINT.encode()));
        assertFalse(EdwardsPoint.BASEPOINT.isSmallOrder());
        Scalar lMinusOne = scalar(Scalar.L.subtract(BigInteger.ONE));
        assertEquals(EdwardsPoint.BASEPOINT.negate(), EdwardsPoint.BASEPOINT.multiply(lMinusOne));
        // [L-1]B + B = [L]B = identity
        assertTrue(EdwardsPoint.BASEPOINT.multiply(lMinusOne).add(EdwardsPoint.BASEPOINT).isIdentity());
    }

    @Test
    void rfc8032TestOnePublicKey() {
        // RFC 8032 §7.1 TEST 1: the public key is [clamp(SHA-512(seed)[0..32])]B.
        byte[] h = Sha512.hash(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        Scalar a = Scalar.fromBytesModOrder(java.util.Arrays.copyOf(h, 32));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                Hex.encode(EdwardsPoint.BASEPOINT.multiply(a).encode()));
    }

    @Test
    void constantTimeAndVariableTimeMultiplicationAgree() {
        EdwardsPoint p = EdwardsPoint.BASEPOINT.multiply(scalar(BigInteger.valueOf(977)));
        for (long k : new long[] {0, 1, 2, 7, 8, 9, 15, 16, 255, 123456789L, Long.MAX_VALUE}) {
            Scalar s = scalar(BigInteger.valueOf(k));
            Scalar t = scalar(Scalar.L.subtract(BigInteger.valueOf(k + 3)));
            EdwardsPoint expected = p.multiply(s).add(EdwardsPoint.BASEPOINT.multiply(t));
            assertEquals(expected, EdwardsPoint.mulAddVartime(s, p, t, EdwardsPoint.BASEPOINT));
        }
        for (long k : new long[] {0, 1, 5, 127, 128, 129, 1L << 40}) {
            Scalar s = scalar(BigInteger.valueOf(k));
            Scalar t = scalar(Scalar.L.subtract(BigInteger.valueOf(k + 1)));
            assertEquals(p.multiply(s).add(EdwardsPoint.BASEPOINT.multiply(t)),
                    EdwardsPoint.mulAddBasepointVartime(s, p, t));
        }
        assertEquals(p.dbl(), p.add(p));
        assertEquals(p.dbl().dbl().dbl(), p.doubleTimes(3));
        assertTrue(p.subtract(p).isIdentity());
    }

    @Test
    void nonAdjacentFormRebuildsTheScalarWithSpacedOddDigits() {
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(0xffff),
                Scalar.L.subtract(BigInteger.ONE), Scalar.L.shiftRight(1), BigInteger.ONE.shiftLeft(252)}) {
            for (int w : new int[] {5, 8}) {
                byte[] naf = EdwardsPoint.nonAdjacentForm(scalar(v), w);
                BigInteger rebuilt = BigInteger.ZERO;
                int lastNonZero = Integer.MIN_VALUE / 2;
                for (int i = 0; i < naf.length; i++) {
                    if (naf[i] != 0) {
                        assertTrue((naf[i] & 1) == 1 && Math.abs(naf[i]) < (1 << (w - 1)), "digit " + naf[i]);
                        assertTrue(i - lastNonZero >= w, "digits " + lastNonZero + " and " + i + " too close");
                        lastNonZero = i;
                    }
                    rebuilt = rebuilt.add(BigInteger.valueOf(naf[i]).shiftLeft(i));
                }
                assertEquals(v, rebuilt);
            }
        }
    }

    @Test
    void torsionPointsAreSmallOrderWithTheRightOrders() {
        EdwardsPoint orderTwo = EdwardsPoint.decode(Hex.decode(TORSION.get(1))).orElseThrow();
        for (int i = 0; i < TORSION.size(); i++) {
            EdwardsPoint t = EdwardsPoint.decode(Hex.decode(TORSION.get(i))).orElseThrow();
            assertTrue(t.isSmallOrder(), TORSION.get(i));
            assertEquals(TORSION.get(i), Hex.encode(t.encode()));
            if (i >= 4) {
                assertEquals(orderTwo, t.dbl().dbl(), "an order-8 point times 4 is the order-2 point");
            }
        }
        assertTrue(EdwardsPoint.decode(Hex.decode(TORSION.get(0))).orElseThrow().isIdentity());
    }

    @Test
    void cofactorMultiplicationRemovesTheTorsionPart() {
        EdwardsPoint torsion = EdwardsPoint.decode(Hex.decode(TORSION.get(6))).orElseThrow();
        EdwardsPoint mixed = EdwardsPoint.BASEPOINT.add(torsion);
        assertFalse(mixed.isSmallOrder());
        assertFalse(mixed.equals(EdwardsPoint.BASEPOINT));
        assertEquals(EdwardsPoint.BASEPOINT.mulByCofactor(), mixed.mulByCofactor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // y = p (non-canonical zero) and y = p + 1 (non-canonical one)
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            // y = 2^255 - 1
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            // x = 0 with the sign bit set: y = 1 and y = -1
            "0100000000000000000000000000000000000000000000000000000000000080",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            // y = 2: not on the curve
            "0200000000000000000000000000000000000000000000000000000000000000",
            // wrong length
            "0100"})
    void decodeRejectsNonCanonicalOrOffCurveEncodings(String hex) {
        assertTrue(EdwardsPoint.decode(Hex.decode(hex)).isEmpty());
    }
}
