package io.smnode.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Go math/bits stand-ins against BigInteger arithmetic (an independent exact reference). */
class Bits64Test {
    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger u(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    /** Edge words plus a fixed-seed sample, so a failure is reproducible. */
    private static long[] words() {
        long[] edges = {0, 1, 2, 0xffff_ffffL, 1L << 32, (1L << 32) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2,
            0x8000_0000_0000_0001L, 0x0000_0001_ffff_ffffL, 0xffff_ffff_0000_0000L};
        Random random = new Random(20240611L);
        long[] out = new long[edges.length + 45];
        System.arraycopy(edges, 0, out, 0, edges.length);
        for (int i = edges.length; i < out.length; i++) {
            out[i] = random.nextLong() >>> random.nextInt(64);
        }
        return out;
    }

    @Test
    void mulHighAndCarriesMatchExactArithmetic() {
        for (long x : words()) {
            for (long y : words()) {
                BigInteger product = u(x).multiply(u(y));
                assertEquals(product.shiftRight(64).longValue(), Bits64.mulHigh(x, y), x + "*" + y);
                assertEquals(u(x).add(u(y)).add(BigInteger.ONE).compareTo(TWO64) >= 0 ? 1 : 0,
                        Bits64.addCarry(x, y, 1));
                assertEquals(u(x).compareTo(u(y)) < 0 ? 1 : 0, Bits64.subBorrow(x, y, 0));
            }
        }
    }

    @Test
    void divQuotientMatchesExactDivisionWheneverTheQuotientFits() {
        int checked = 0;
        for (long hi : words()) {
            for (long lo : words()) {
                for (long y : words()) {
                    if (y == 0 || Long.compareUnsigned(y, hi) <= 0) {
                        continue;
                    }
                    BigInteger dividend = u(hi).shiftLeft(64).or(u(lo));
                    BigInteger[] qr = dividend.divideAndRemainder(u(y));
                    long q = Bits64.divQuotient(hi, lo, y);
                    assertEquals(qr[0].longValue(), q);
                    assertEquals(qr[1].longValue(), lo - q * y, "remainder identity");
                    checked++;
                }
            }
        }
        assertTrue(checked > 50_000, "sample too small: " + checked);
    }

    @Test
    void divQuotientFailsWhereGoPanics() {
        assertThrows(ArithmeticException.class, () -> Bits64.divQuotient(0, 1, 0));
        assertThrows(FixedOverflowException.class, () -> Bits64.divQuotient(5, 0, 5));
    }

    @Test
    void shiftsOfSixtyFourOrMoreGiveZeroAsInGo() {
        assertEquals(0, Bits64.shl(-1, 64));
        assertEquals(0, Bits64.shr(-1, 64));
        assertEquals(1, Bits64.shr(Long.MIN_VALUE, 63));
        assertThrows(ArithmeticException.class, () -> Bits64.shl(1, -1));
    }
}
