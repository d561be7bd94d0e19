package io.smnode.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void namesTheRuleThatDecided() {
        Verdict reject = Verdict.reject(CommonRule.MALFORMED, "truncated at byte 7");
        assertTrue(reject.rejected());
        assertFalse(reject.accepted());
        assertSame(CommonRule.MALFORMED, reject.ruleOrNull());
        assertEquals("REJECT common/MALFORMED: truncated at byte 7", reject.toString());
        assertEquals("IGNORE common/DUPLICATE", Verdict.ignore(CommonRule.DUPLICATE, "").toString());
    }

    @Test
    void acceptHasNoRule() {
        assertTrue(Verdict.accept().accepted());
        assertNull(Verdict.accept().ruleOrNull());
        assertEquals(Verdict.accept(), new Verdict.Accept());
    }

    @Test
    void ruleAndDetailAreRequired() {
        assertThrows(NullPointerException.class, () -> Verdict.reject(null, "x"));
        assertThrows(NullPointerException.class, () -> Verdict.ignore(CommonRule.TIMEOUT, null));
    }
}
