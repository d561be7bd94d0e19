package io.smnode.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smnode.p2p.reqresp.TokenBucket;
import org.junit.jupiter.api.Test;

/** The shaping arithmetic with time as an input: a second's worth at once, then the rate, debts repaid by waiting. */
class BandwidthShaperTest {
    private static final long RATE = 64_000; // 64 bytes a millisecond: exact in binary floating point
    private static final long QUANTUM = RATE / 8;

    @Test
    void noLimitsNoShaper() {
        assertNull(BandwidthShaper.of(0, null, 0, 0));
    }

    @Test
    void aWriteTakesTheBurstThenAQuantumAndWaitsForTheDebt() {
        BandwidthShaper s = BandwidthShaper.of(RATE, null, 0, 0);
        assertEquals(0, s.delayMillis(0));
        assertEquals(RATE, s.takeUpTo(0, 10 * RATE), "one second's worth at once");
        assertEquals(0, s.delayMillis(0), "an empty bucket is not in debt");
        assertEquals(QUANTUM, s.takeUpTo(0, 10 * RATE), "then a quantum on credit");
        assertEquals(125, s.delayMillis(0), "repaid after quantum / rate");
        assertEquals(5, s.delayMillis(120));
        assertEquals(0, s.delayMillis(125));
        assertEquals(100, s.takeUpTo(125, 100), "never more than is queued");
    }

    @Test
    void aReadIsAccountedWhateverItsSize() {
        BandwidthShaper s = BandwidthShaper.of(RATE, null, 0, 0);
        s.take(0, 3 * RATE);
        assertEquals(2000, s.delayMillis(0), "two seconds of debt beyond the burst");
        assertEquals(0, s.delayMillis(2000));
    }

    @Test
    void twoConnectionsShareTheGlobalBucketAndTheSlowerLimitDecides() {
        TokenBucket global = BandwidthShaper.bucket(RATE, 0);
        BandwidthShaper a = BandwidthShaper.of(0, global, RATE, 0);
        BandwidthShaper b = BandwidthShaper.of(4 * RATE, global, RATE, 0);
        assertEquals(RATE, a.takeUpTo(0, 10 * RATE));
        assertEquals(QUANTUM, b.takeUpTo(0, 10 * RATE), "b finds the shared bucket empty");
        assertEquals(125, a.delayMillis(0), "and a waits for b's debt too");
        assertEquals(125, b.delayMillis(0));
        BandwidthShaper slowPeer = BandwidthShaper.of(RATE, BandwidthShaper.bucket(4 * RATE, 0), 4 * RATE, 0);
        slowPeer.take(0, RATE + QUANTUM);
        assertEquals(125, slowPeer.delayMillis(0), "its own bucket, slower than the global one, decides");
    }
}
