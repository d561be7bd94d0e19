package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HareTimingTest {
    @Test
    void mainnetSessionEndsAt361SecondsWithinZdistOf600() {
        // Spec 04 §1: PreroundDelay + 7·IterationsLimit·RoundDuration = 25 + 7·4·12 = 361 s <= 600 s.
        HareTiming mainnet = HareTiming.defaults();
        assertEquals(Duration.ofSeconds(361), mainnet.roundStart(IterRound.of(4, Round.HARDLOCK)));
        assertTrue(mainnet.endsWithin(Duration.ofSeconds(600), 4));
        assertFalse(mainnet.endsWithin(Duration.ofSeconds(360), 4));
    }

    @Test
    void roundsStartOneRoundDurationApartAfterThePreround() {
        HareTiming t = HareTiming.defaults();
        assertEquals(Duration.ofSeconds(25), t.roundStart(IterRound.of(0, Round.PREROUND)));
        // Iteration 0 skips hardlock: softlock (absolute 2) is the first round after the preround.
        assertEquals(Duration.ofSeconds(37), t.roundStart(IterRound.of(0, Round.SOFTLOCK)));
        assertEquals(Duration.ofSeconds(25 + 12 * 6), t.roundStart(IterRound.of(0, Round.NOTIFY)));
    }
}
