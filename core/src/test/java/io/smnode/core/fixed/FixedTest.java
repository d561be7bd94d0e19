package io.smnode.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Behaviour the vectors do not pin: exact conversions, the encoding's quirks, and where it refuses. */
class FixedTest {
    @Test
    void scaledRoundTripsAndDefinesTheValue() {
        BigInteger big = BigInteger.ONE.shiftLeft(126).add(BigInteger.valueOf(12345)).negate();
        assertEquals(big, Fixed.ofScaled(big).scaled());
        assertEquals(BigInteger.ONE.shiftLeft(56).multiply(BigInteger.valueOf(-7)), Fixed.of(-7).scaled());
        assertThrows(FixedOverflowException.class, () -> Fixed.ofScaled(BigInteger.ONE.shiftLeft(127)));
    }

    @Test
    void integerArithmeticIsExact() {
        assertEquals(Fixed.of(12), Fixed.of(3).mul(Fixed.of(4)));
        assertEquals(Fixed.of(-1), Fixed.of(3).sub(Fixed.of(4)));
        assertEquals(Fixed.of(7), Fixed.of(-3).sub(Fixed.of(-10)));
        assertEquals(Fixed.of(-3), Fixed.of(12).div(Fixed.of(-4)));
        assertEquals(Fixed.from(0.5), Fixed.divUint64(1, 2));
    }

    @Test
    void negativeZeroIsItsOwnEncoding() {
        Fixed negZero = Fixed.ZERO.neg();
        assertTrue(negZero.isZero());
        assertNotEquals(Fixed.ZERO, negZero);
        assertEquals("-0'00000000000000/56", negZero.toString());
        assertEquals(Fixed.ZERO.neg(), Fixed.from(-0.0));
    }

    @Test
    void comparisonIsOnTheEncodingSoNegativesCompareAboveAsInTheReference() {
        assertTrue(Fixed.from(0.25).lessThan(Fixed.from(0.5)));
        assertTrue(Fixed.from(-0.5).greaterThan(Fixed.from(0.25)));
        assertFalse(Fixed.from(-0.5).lessThan(Fixed.from(1e-14)));
    }

    @Test
    void overflowsThrowWhereTheReferencePanics() {
        assertThrows(FixedOverflowException.class, () -> Fixed.from(1e40));
        assertThrows(FixedOverflowException.class, () -> Fixed.from(Double.NaN));
        Fixed huge = Fixed.ofScaled(BigInteger.ONE.shiftLeft(126));
        assertThrows(FixedOverflowException.class, () -> huge.mul(Fixed.of(2)));
        assertThrows(FixedOverflowException.class, () -> huge.add(huge));
        assertThrows(ArithmeticException.class, () -> Fixed.ONE.div(Fixed.ZERO));
        assertThrows(FixedOverflowException.class, () -> Binomial.cdf(10, Fixed.of(2), 3));
    }

    @Test
    void binomialCdfEdgesNeedNoComputation() {
        assertEquals(Fixed.ZERO, Binomial.cdf(10, Fixed.from(0.3), -1));
        assertEquals(Fixed.ONE, Binomial.cdf(10, Fixed.from(0.3), 10));
    }

    @Test
    void fracFromBytesNeedsEightBytes() {
        assertThrows(IllegalArgumentException.class, () -> Fixed.fracFromBytes(Bytes.ofHex("00112233445566")));
    }
}
