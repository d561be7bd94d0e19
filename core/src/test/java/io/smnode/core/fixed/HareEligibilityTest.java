package io.smnode.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The oracle's refusals (its count and validation are covered by the vectors). */
class HareEligibilityTest {
    @Test
    void refusesAnEmptyCommittee() {
        EligibilityException e = assertThrows(EligibilityException.class, () -> HareEligibility.draw(0, 1, 10));
        assertEquals(EligibilityException.Reason.ZERO_COMMITTEE_SIZE, e.reason());
    }

    @Test
    void refusesAZeroTotalWeight() {
        EligibilityException e = assertThrows(EligibilityException.class, () -> HareEligibility.draw(50, 0, 0));
        assertEquals(EligibilityException.Reason.ZERO_TOTAL_WEIGHT, e.reason());
    }

    @Test
    void acceptsTheMaximumWeightAndRefusesOneMore() throws EligibilityException {
        assertEquals(1L << 30, HareEligibility.draw(50, 1L << 30, 1L << 40).n());
        EligibilityException e = assertThrows(EligibilityException.class,
                () -> HareEligibility.draw(50, (1L << 30) + 1, 1L << 40));
        assertEquals(EligibilityException.Reason.WEIGHT_ABOVE_SUPPORTED_MAXIMUM, e.reason());
    }

    @Test
    void scalesBothWeightsWhenTheCommitteeExceedsTheTotal() throws EligibilityException {
        HareEligibility.Draw d = HareEligibility.draw(400, 100, 300);
        assertEquals(40_000, d.n());
        assertEquals(Fixed.divUint64(400, 120_000), d.p());
    }
}
