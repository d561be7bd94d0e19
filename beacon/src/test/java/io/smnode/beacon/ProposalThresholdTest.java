package io.smnode.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.net.NetworkParams.Ratio;
import io.smnode.core.vrf.VrfProof;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * thr(N) = floor(2^640 · (1 − 2^(−κ/((1−q)N)))) as the reference computes it with big.Float (see ProposalThreshold).
 * With κ = 40 and q = 1/3 the exponent is −60/N. Where the exponent is an integer the reference's chain is exact,
 * so the expected value is plain arithmetic; where it is 1/2 or 1/4 the 64-bit result of Pow is the correctly
 * rounded 2^(−1/2) or 2^(−1/4) (every intermediate keeps ≥ 128 bits, so only a tie at 2^-128 could change the 64-bit
 * rounding, and none is near), which integer roots give exactly. The remaining points are the values of an
 * independent replay of the reference's steps in Python (fractions + mpmath at 700 bits, each big.Float rounding
 * done on exact rationals), given with the script's recipe in the comment.
 */
class ProposalThresholdTest {
    private static final Ratio Q = new Ratio(1, 3);
    private static final BigInteger TWO_640 = BigInteger.ONE.shiftLeft(640);

    @Test
    void exponentMinusOneGivesHalf() {
        // N = 60: 2^-1 = 1/2 exactly, 1 − 1/2 = 1/2, thr = 2^639.
        assertEquals(BigInteger.ONE.shiftLeft(639), ProposalThreshold.threshold(40, Q, 60));
    }

    @Test
    void exponentMinusTwoGivesThreeQuarters() {
        // N = 30: 2^-2 = 1/4, 1 − 1/4 = 3/4 (2 bits, exact), thr = 3·2^638.
        assertEquals(BigInteger.valueOf(3).shiftLeft(638), ProposalThreshold.threshold(40, Q, 30));
    }

    @Test
    void singleAtxGivesAllButTwoToTheMinus60() {
        // N = 1: x = 60 is an integer (SetInt, exact); 2^-60 exactly; 1 − 2^-60 has 60 significant bits, so it is
        // exact at 64 bits; thr = 2^640 − 2^580.
        assertEquals(TWO_640.subtract(BigInteger.ONE.shiftLeft(580)), ProposalThreshold.threshold(40, Q, 1));
    }

    @Test
    void squareRootPoint() {
        // N = 120: x = 1/2 (exact in binary). p = 2^-1/2 rounded to 64 bits = M·2^-64 with M the integer nearest to
        // 2^63.5 = sqrt(2^127); M = r + 1 iff (2r + 1)^2 < 2^129 for r = isqrt(2^127). 1 − p is exact (p ≥ 1/2).
        BigInteger r = BigInteger.ONE.shiftLeft(127).sqrt();
        BigInteger twoRPlusOne = r.shiftLeft(1).add(BigInteger.ONE);
        BigInteger m = twoRPlusOne.pow(2).compareTo(BigInteger.ONE.shiftLeft(129)) < 0 ? r.add(BigInteger.ONE) : r;
        BigInteger expected = TWO_640.subtract(m.shiftLeft(576));
        assertEquals(expected, ProposalThreshold.threshold(40, Q, 120));
        assertEquals("4afb0ccc06219b7c", expected.shiftRight(576).toString(16)); // = 2^64 − M, read off
    }

    @Test
    void fourthRootPoint() {
        // N = 240: x = 1/4. p = M·2^-64 with M nearest to 2^63.75 = (2^255)^(1/4); r = floor(4th root) and
        // M = r + 1 iff (2r + 1)^4 < 2^259.
        BigInteger r = BigInteger.ONE.shiftLeft(255).sqrt().sqrt();
        while (r.add(BigInteger.ONE).pow(4).compareTo(BigInteger.ONE.shiftLeft(255)) <= 0) {
            r = r.add(BigInteger.ONE); // sqrt(sqrt(·)) is floor of the 4th root already; this only guards it
        }
        BigInteger twoRPlusOne = r.shiftLeft(1).add(BigInteger.ONE);
        BigInteger m = twoRPlusOne.pow(4).compareTo(BigInteger.ONE.shiftLeft(259)) < 0 ? r.add(BigInteger.ONE) : r;
        assertEquals(TWO_640.subtract(m.shiftLeft(576)), ProposalThreshold.threshold(40, Q, 240));
    }

    @Test
    void pointsReplayedIndependently() {
        // Python: x = Fraction(κ)/((1−q)·N); x64 = round_nearest_even(x, max(64, bits)); ln2 = round(mpmath.log(2),
        // 192); y = round(x64·ln2, 192); E = round(round(exp(y), 192), 128); p = round(round(1/E, 128), 64);
        // f = round(1 − p, 64); thr = floor(f·2^640), printed as odd mantissa (hex) · 2^k.
        assertEquals(times2To("ff53b98ae07b6211", 576), ProposalThreshold.threshold(40, Q, 7));
        assertEquals(times2To("536d555a2c8a241", 577), ProposalThreshold.threshold(40, Q, 1000));
        assertEquals(times2To("2b9baf439c87", 580), ProposalThreshold.threshold(40, Q, 1_000_000));
        assertEquals(times2To("34d00ad6148e1beb", 576), ProposalThreshold.threshold(1, new Ratio(0, 1), 3));
    }

    @Test
    void noAtxsMeansNoThreshold() {
        assertEquals(BigInteger.ZERO, ProposalThreshold.threshold(40, Q, 0));
    }

    @Test
    void moreAtxsMeanALowerThreshold() {
        BigInteger previous = TWO_640;
        for (long n : new long[] {1, 2, 5, 60, 61, 1000, 1_000_000}) {
            BigInteger t = ProposalThreshold.threshold(40, Q, n);
            assertTrue(t.compareTo(previous) < 0, "thr(" + n + ") must be below thr of fewer ATXs");
            previous = t;
        }
    }

    @Test
    void proofIsReadBigEndian() {
        // A threshold of 2^632 (top byte 1): a proof with byte 0 = 0 and every other byte 0xff is below it read
        // big-endian, although it is huge read little-endian.
        BigInteger threshold = BigInteger.ONE.shiftLeft(632);
        byte[] small = new byte[VrfProof.LENGTH];
        Arrays.fill(small, (byte) 0xff);
        small[0] = 0;
        assertTrue(ProposalThreshold.passes(VrfProof.of(small), threshold));
        byte[] big = new byte[VrfProof.LENGTH];
        big[0] = 1;
        assertFalse(ProposalThreshold.passes(VrfProof.of(big), threshold));
    }

    private static BigInteger times2To(String mantissaHex, int shift) {
        return new BigInteger(mantissaHex, 16).shiftLeft(shift);
    }
}
