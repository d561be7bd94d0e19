package io.smnode.core.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limb arithmetic mod L checked against BigInteger, including the values around L and 2^512 - 1. */
class ScalarTest {
    private static final BigInteger L = Scalar.L;

    private static List<BigInteger> samples() {
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE),
                L, L.add(BigInteger.ONE), L.shiftLeft(1), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE), L.multiply(L), L.shiftLeft(259)));
        Random fixed = new Random(8032); // fixed seed: the same inputs on every run
        for (int i = 0; i < 12; i++) {
            out.add(new BigInteger(512, fixed));
            out.add(new BigInteger(253, fixed));
        }
        return out;
    }

    private static byte[] le(BigInteger v, int length) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[length];
        for (int i = 0; i < Math.min(length, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static Scalar scalar(BigInteger v) {
        return Scalar.fromBytesModOrderWide(le(v, 64));
    }

    private static void assertValue(BigInteger expected, Scalar actual) {
        assertEquals(Hex.encode(le(expected.mod(L), 32)), Hex.encode(actual.toBytes()));
    }

    @Test
    void reductionAndArithmeticMatchBigInteger() {
        List<BigInteger> samples = samples();
        for (BigInteger a : samples) {
            assertValue(a, scalar(a));
            assertValue(a.negate(), scalar(a).negate());
            for (BigInteger b : samples) {
                assertValue(a.add(b), scalar(a).add(scalar(b)));
                assertValue(a.mod(L).multiply(b.mod(L)), scalar(a).mul(scalar(b)));
            }
        }
    }

    @Test
    void shortInputsAreReadAsLittleEndianIntegers() {
        assertValue(BigInteger.valueOf(0x0201), Scalar.fromBytesModOrder(new byte[] {1, 2}));
        assertTrue(Scalar.fromBytesModOrder(new byte[0]).isZero());
    }

    @Test
    void canonicalDecodingAcceptsExactlyBelowL() {
        assertTrue(Scalar.fromCanonicalBytes(le(L.subtract(BigInteger.ONE), 32)).isPresent());
        assertFalse(Scalar.fromCanonicalBytes(le(L, 32)).isPresent());
        BigInteger max256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertFalse(Scalar.fromCanonicalBytes(le(max256, 32)).isPresent());
        assertFalse(Scalar.fromCanonicalBytes(new byte[31]).isPresent());
        assertFalse(Scalar.fromCanonicalBytes(null).isPresent());
    }

    @Test
    void signedRadix16DigitsRebuildTheScalar() {
        for (BigInteger a : samples()) {
            byte[] digits = scalar(a).signedRadix16();
            BigInteger rebuilt = BigInteger.ZERO;
            for (int i = 63; i >= 0; i--) {
                assertTrue(digits[i] >= -8 && digits[i] < 8, "digit " + i + " = " + digits[i]);
                rebuilt = rebuilt.shiftLeft(4).add(BigInteger.valueOf(digits[i]));
            }
            assertEquals(a.mod(L), rebuilt);
        }
    }
}
