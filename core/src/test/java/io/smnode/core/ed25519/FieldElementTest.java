package io.smnode.core.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limb arithmetic checked against BigInteger arithmetic mod p, including the values next to p. */
class FieldElementTest {
    private static final BigInteger P = FieldElement.P;

    private static List<BigInteger> samples() {
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P, P.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(254),
                BigInteger.ONE.shiftLeft(26).subtract(BigInteger.ONE)));
        Random fixed = new Random(25519); // fixed seed: the same inputs on every run
        for (int i = 0; i < 40; i++) {
            out.add(new BigInteger(255, fixed));
        }
        return out;
    }

    private static FieldElement fe(BigInteger v) {
        return FieldElement.fromBytesIgnoringTopBit(le(v)); // deliberately not reduced: values >= p included
    }

    private static byte[] le(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static void assertValue(BigInteger expected, FieldElement actual) {
        assertEquals(Hex32.of(le(expected.mod(P))), Hex32.of(actual.toBytes()));
    }

    @Test
    void ringOperationsMatchBigInteger() {
        for (BigInteger a : samples()) {
            for (BigInteger b : samples()) {
                assertValue(a.add(b), fe(a).add(fe(b)));
                assertValue(a.subtract(b), fe(a).sub(fe(b)));
                assertValue(a.multiply(b), fe(a).mul(fe(b)));
            }
            assertValue(a.negate(), fe(a).negate());
            assertValue(a.multiply(a), fe(a).square());
        }
    }

    @Test
    void longChainsStayExact() {
        BigInteger expected = BigInteger.valueOf(3);
        FieldElement actual = FieldElement.fromLong(3);
        for (int i = 0; i < 1000; i++) {
            expected = expected.multiply(expected).subtract(BigInteger.valueOf(i)).mod(P);
            actual = actual.square().sub(FieldElement.fromLong(i));
        }
        assertValue(expected, actual);
    }

    @Test
    void inversionAndSquareRoots() {
        for (BigInteger a : samples()) {
            if (a.mod(P).signum() == 0) {
                assertTrue(fe(a).invert().isZero());
                continue;
            }
            assertValue(a.mod(P).modInverse(P), fe(a).invert());
            FieldElement root = FieldElement.sqrtRatio(fe(a).square(), FieldElement.ONE);
            assertTrue(root.square().sameValue(fe(a).square()));
            assertFalse(root.isNegative(), "sqrtRatio returns the non-negative root");
        }
        assertValue(P.subtract(BigInteger.ONE), FieldElement.SQRT_M1.square());
        assertNull(FieldElement.sqrtRatio(FieldElement.fromLong(2), FieldElement.ONE), "2 is not a square mod p");
    }

    @Test
    void canonicalityIsExactlyBelowP() {
        assertTrue(FieldElement.isCanonical(le(P.subtract(BigInteger.ONE))));
        assertFalse(FieldElement.isCanonical(le(P)));
        assertFalse(FieldElement.isCanonical(le(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE))));
        byte[] pWithSignBitCleared = le(P.subtract(BigInteger.ONE));
        pWithSignBitCleared[31] |= (byte) 0x80; // the sign bit is not part of the field element
        assertTrue(FieldElement.isCanonical(pWithSignBitCleared));
    }

    /** Hex for readable assertion messages. */
    private record Hex32(String hex) {
        static Hex32 of(byte[] b) {
            return new Hex32(io.smnode.core.util.Hex.encode(b));
        }
    }
}
