package io.smnode.core.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainTest {
    @Test
    void unknownValuesAndNamesAreAbsentNotErrors() {
        assertTrue(Domain.fromValue(6).isEmpty());
        assertTrue(Domain.fromValue(-1).isEmpty());
        assertTrue(Domain.fromValue(256).isEmpty());
        assertTrue(Domain.fromName("UNKNOWN").isEmpty(), "the reference's fallback string is not a domain");
        assertTrue(Domain.fromName("atx").isEmpty());
        assertTrue(Domain.fromName(null).isEmpty());
    }

    @Test
    void followupBeaconDomainIsEleven() {
        // Not among the domain-value vectors: the value shows in the sign/BEACON_FOLLOWUP_MSG case's signed bytes,
        // the name in go-spacemesh signing/signer.go Domain.String() (@cc65f271).
        assertEquals(11, Domain.BEACON_FOLLOWUP_MSG.value());
        assertEquals("BEACON_FOLLOWUP_MSG", Domain.BEACON_FOLLOWUP_MSG.referenceName());
    }
}
