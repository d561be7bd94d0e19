package io.smnode.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.net.NetworkParams.Ratio;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class VotingThresholdTest {
    @Test
    void quarterOfTheWeightIsExact() {
        // θ = 1/4 is a power of two: θ·W is exact at 64 bits, 1000/4 = 250.
        assertEquals(BigInteger.valueOf(250), VotingThreshold.of(new Ratio(1, 4), 1000));
        assertEquals(BigInteger.valueOf(250), VotingThreshold.of(new Ratio(1, 4), 1003)); // 250.75 truncated
    }

    @Test
    void roundingOfThetaCanLoseAWholeUnit() {
        // The reference's chain: 1/41 lies in [2^-6, 2^-5), so at 64 bits it is k·2^-69 with k the integer nearest
        // 2^69/41 = 14397458789236723212 + 20/41, rounded down. Then 41·θ64 = 1 − 20·2^-69 = 1 − 0.625·2^-64, whose
        // nearest 64-bit value is 1 − 2^-64 (ulp below 1 is 2^-64): Int() truncates it to 0, not 1.
        // Same for 1/45: 2^69/45 = 13117684674637903371 + 17/45 rounds down, 45·θ64 = 1 − 0.53·2^-64 → 1 − 2^-64.
        assertEquals(BigInteger.ZERO, VotingThreshold.of(new Ratio(1, 41), 41));
        assertEquals(BigInteger.ZERO, VotingThreshold.of(new Ratio(1, 45), 45));
        // 1/3 rounds up (2^65/3 = 12297829382473034410 + 2/3 → ...411): 3·θ64 = 1 + 2^-65 rounds back to exactly 1.
        assertEquals(BigInteger.ONE, VotingThreshold.of(new Ratio(1, 3), 3));
    }

    @Test
    void zeroWeightNeedsNoMargin() {
        assertEquals(BigInteger.ZERO, VotingThreshold.of(new Ratio(1, 4), 0));
    }
}
