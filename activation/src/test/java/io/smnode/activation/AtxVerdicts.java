package io.smnode.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.smnode.core.verdict.Verdict;

/** Assertions on an ATX validation's verdict class and rule, shared by the v1 and v2 validator tests. */
public final class AtxVerdicts {
    private AtxVerdicts() {}

    public static void assertRejected(AtxRule rule, AtxValidation verdict) {
        assertInstanceOf(Verdict.Reject.class, verdict.verdict(), verdict.toString());
        assertEquals(rule, verdict.verdict().ruleOrNull(), verdict.toString());
    }

    public static void assertIgnored(AtxRule rule, AtxValidation verdict) {
        assertInstanceOf(Verdict.Ignore.class, verdict.verdict(), verdict.toString());
        assertEquals(rule, verdict.verdict().ruleOrNull(), verdict.toString());
    }
}
