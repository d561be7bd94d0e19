package io.smnode.activation;

import java.util.Optional;

/**
 * The outcome of validating an ATX, in gossip terms (spec 07 §2): VALID with its header (to be stored, subject to
 * the malfeasance checks of spec 02 §4 step 11), IGNORE (no penalty; a missing dependency may arrive later),
 * REJECT (provably invalid: penalise the peer), or an invalid PoST index (reject, and the handler makes an
 * {@code InvalidPostIndex} malfeasance proof with {@code indexId}).
 */
public sealed interface AtxVerdict {
    record Valid(AtxHeader header) implements AtxVerdict {}

    record Ignore(AtxRule rule, String detail) implements AtxVerdict {}

    record Reject(AtxRule rule, String detail) implements AtxVerdict {}

    record InvalidPostIndex(int indexId, String detail) implements AtxVerdict {}

    default boolean valid() {
        return this instanceof Valid;
    }

    /** The rule that failed; empty for {@link Valid}. */
    default Optional<AtxRule> failedRule() {
        if (this instanceof Ignore i) {
            return Optional.of(i.rule());
        }
        if (this instanceof Reject r) {
            return Optional.of(r.rule());
        }
        if (this instanceof InvalidPostIndex) {
            return Optional.of(AtxRule.INVALID_POST_INDEX);
        }
        return Optional.empty();
    }
}
