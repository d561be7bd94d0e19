package io.smnode.actors.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The test mode's clock stands at its start until the node is ready, then runs at its speed; timer delays on it are
 * real delays scaled by that speed.
 */
class VirtualClockTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void standsUntilResumedThenRunsAtItsSpeed() {
        AtomicLong nanos = new AtomicLong(1_000);
        VirtualClock clock = new VirtualClock(GENESIS, 4, nanos::get);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals(GENESIS, clock.instant(), "a node that is starting takes none of the clock's time");
        clock.resume();
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertEquals(GENESIS.plusSeconds(12), clock.instant());
        clock.resume();
        assertEquals(GENESIS.plusSeconds(12), clock.instant(), "resuming twice changes nothing");
        assertEquals(Duration.ofSeconds(2), ClockTime.until(clock, GENESIS.plusSeconds(20)));
        assertEquals(Duration.ZERO, ClockTime.until(clock, GENESIS), "a time passed is due now");
    }
}
