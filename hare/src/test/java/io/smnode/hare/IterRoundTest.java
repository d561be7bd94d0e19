package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IterRoundTest {
    private static final IterRound PREROUND = IterRound.of(0, Round.PREROUND);

    @Test
    void absoluteRoundIsSevenPerIterationSoNotifyMeetsTheNextPreround() {
        assertEquals(7, IterRound.of(0, Round.NOTIFY).absolute());
        assertEquals(7, IterRound.of(1, Round.PREROUND).absolute());
        assertEquals(29, IterRound.of(4, Round.HARDLOCK).absolute());
    }

    @Test
    void theSkippedHardlockIsNotADelay() {
        assertEquals(1, IterRound.of(0, Round.SOFTLOCK).delay(PREROUND));
        assertEquals(5, IterRound.of(0, Round.SOFTLOCK).grade(PREROUND));
        assertEquals(1, IterRound.of(0, Round.WAIT1).delay(IterRound.of(0, Round.PROPOSE)));
        assertEquals(0, PREROUND.delay(IterRound.of(0, Round.PROPOSE)), "early messages have no delay");
        assertEquals(6, PREROUND.grade(IterRound.of(0, Round.PROPOSE)));
    }

    /**
     * The reference computes {@code grade(6 - delay)} with a uint32 delay and a uint8 grade; by the Go
     * specification's conversion rule (unsigned wrap-around, then truncation to the low 8 bits) a delay of 7
     * gives 255, not 0.
     */
    @Test
    void gradeWrapsAroundAfterSixDelays() {
        IterRound commit = IterRound.of(0, Round.COMMIT);
        assertEquals(0, IterRound.of(1, Round.WAIT2).grade(commit)); // abs 12 - 6: delay 6
        assertEquals(255, IterRound.of(1, Round.COMMIT).grade(commit)); // delay 7
        assertEquals(254, IterRound.of(1, Round.NOTIFY).grade(commit)); // delay 8
    }

    @Test
    void nextSkipsHardlockOnlyInIterationZero() {
        assertEquals(IterRound.of(0, Round.SOFTLOCK), PREROUND.next());
        assertEquals(IterRound.of(1, Round.HARDLOCK), IterRound.of(0, Round.NOTIFY).next());
        assertEquals(IterRound.of(1, Round.SOFTLOCK), IterRound.of(1, Round.HARDLOCK).next());
    }
}
