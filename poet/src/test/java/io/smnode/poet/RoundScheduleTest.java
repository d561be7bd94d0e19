package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Spec 09 §1 with mainnet's parameters (genesis 2023-07-14T08:00:00Z, E 336 h, P 240 h, G 12 h). */
class RoundScheduleTest {
    private static final Instant GENESIS = Instant.parse("2023-07-14T08:00:00Z");
    private static final RoundSchedule MAINNET = new RoundSchedule(GENESIS, Duration.ofHours(336),
            Duration.ofHours(240), Duration.ofHours(12));

    @Test
    void roundBoundaries() {
        assertEquals(GENESIS.plus(Duration.ofHours(240)), MAINNET.roundStart(0));
        assertEquals(GENESIS.plus(Duration.ofHours(240 + 336 * 5)), MAINNET.roundStart(5));
        assertEquals(MAINNET.roundStart(5).plus(Duration.ofHours(324)), MAINNET.roundEnd(5));
        assertEquals(Duration.ofHours(324), MAINNET.roundDuration());
        assertEquals("5", RoundSchedule.roundId(5));
    }

    @Test
    void openRoundSwitchesExactlyAtRoundStart() {
        assertEquals(0, MAINNET.openRound(GENESIS.minus(Duration.ofDays(3))));
        assertEquals(0, MAINNET.openRound(MAINNET.roundStart(0).minusNanos(1)));
        assertEquals(1, MAINNET.openRound(MAINNET.roundStart(0)));
        assertEquals(1, MAINNET.openRound(MAINNET.roundStart(1).minusNanos(1)));
        assertEquals(2, MAINNET.openRound(MAINNET.roundStart(1)));
        // Registration for round k runs [RoundStart(k-1), RoundStart(k)); it overlaps execution of round k-1.
        assertTrue(MAINNET.isOpen(2, MAINNET.roundEnd(1)));
        assertTrue(MAINNET.isOpen(3, MAINNET.roundStart(2)));
        assertFalse(MAINNET.isOpen(3, MAINNET.roundStart(3)));
    }

    @Test
    void roundEndsAfterSequentialWork() {
        assertFalse(MAINNET.isEnded(2, MAINNET.roundEnd(2).minusNanos(1)));
        assertTrue(MAINNET.isEnded(2, MAINNET.roundEnd(2)));
        // The cycle gap: round 2 has ended but round 3 has not started.
        assertEquals(3, MAINNET.openRound(MAINNET.roundEnd(2)));
    }
}
