package io.smnode.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ballot fallback. Weights are (atxWeight / eligibilityCount) × proofs in 56-bit fixed point; the cases use
 * divisions that are exact (e.g. 800/8 = 100) so the expected winners follow from plain arithmetic.
 */
class BallotBeaconsTest {
    private static final Beacon A = Beacon.ofHex("aaaaaaaa");
    private static final Beacon B = Beacon.ofHex("bbbbbbbb");
    private static final Beacon C = Beacon.ofHex("cccccccc");

    private static BallotId ballot(int i) {
        byte[] b = new byte[BallotId.LENGTH];
        b[0] = (byte) i;
        return BallotId.of(b);
    }

    @Test
    void nothingBeforeEnoughEligibilities() {
        BallotBeacons tally = new BallotBeacons(10);
        // 9 eligibilities (proofs) in all: below BeaconSyncWeightUnits = 10
        assertEquals(Optional.empty(), tally.report(ballot(1), A, 800, 8, 5));
        assertEquals(Optional.empty(), tally.report(ballot(2), B, 800, 8, 4));
        // the tenth decides: A has 5·100 + 1·100 = 600 of 1000 > 50 %
        assertEquals(Optional.of(A), tally.report(ballot(3), A, 800, 8, 1));
    }

    @Test
    void pluralityWhenNoMajority() {
        BallotBeacons tally = new BallotBeacons(3);
        tally.report(ballot(1), A, 400, 4, 1); // A: 100
        tally.report(ballot(2), B, 900, 4, 1); // B: 225
        // C: 200; total 525, half 262.5: nobody above, B is heaviest
        assertEquals(Optional.of(B), tally.report(ballot(3), C, 800, 4, 1));
    }

    @Test
    void theFirstDecisionSticks() {
        BallotBeacons tally = new BallotBeacons(1);
        assertEquals(Optional.of(A), tally.report(ballot(1), A, 100, 1, 1));
        assertEquals(Optional.of(A), tally.report(ballot(2), B, 10_000, 1, 5));
        assertEquals(Optional.of(A), tally.decided());
    }

    @Test
    void aBallotCountsOnce() {
        BallotBeacons tally = new BallotBeacons(3);
        tally.report(ballot(1), A, 800, 8, 2);
        // the same ballot again would reach 4 eligibilities; counted once it stays at 2
        assertEquals(Optional.empty(), tally.report(ballot(1), A, 800, 8, 2));
    }

    @Test
    void aTieGoesToTheLowerBeacon() {
        BallotBeacons tally = new BallotBeacons(2);
        tally.report(ballot(1), B, 100, 1, 1);
        // A and B both 100 of 200: neither is above half; the lower bytes win (the reference picks at random)
        assertEquals(Optional.of(A), tally.report(ballot(2), A, 100, 1, 1));
    }
}
