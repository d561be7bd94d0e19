package io.smnode.activation;

import io.smnode.activation.v2.ValidatedAtxV2;
import io.smnode.core.verdict.Verdict;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of validating an ATX of either version: the {@link Verdict} in gossip terms (spec 07 §2), and what
 * the handler needs besides it — for an accept the header to store (subject to the malfeasance checks of spec 02 §4
 * step 11 and spec 11 §5.3) and, for a v2 ATX, what v2 validation found ({@link ValidatedAtxV2}: PoST rows per
 * identity, marriages, invalid PoSTs that still get the ATX stored); for a failed v1 label check the index of the
 * label, from which the handler makes an {@code InvalidPostIndex} malfeasance proof. A failed v1 label check is a
 * reject with rule {@link AtxRule#INVALID_POST_INDEX}.
 */
public record AtxValidation(Verdict verdict, Optional<AtxHeader> header, OptionalInt invalidPostIndex,
                            Optional<ValidatedAtxV2> v2) {
    public AtxValidation {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict.accepted() != header.isPresent()) {
            throw new IllegalArgumentException("an accepted ATX, and only one, has a header");
        }
        if (invalidPostIndex.isPresent() && verdict.ruleOrNull() != AtxRule.INVALID_POST_INDEX) {
            throw new IllegalArgumentException("a failed label index comes with rule INVALID_POST_INDEX");
        }
        if (v2.isPresent() && !verdict.accepted()) {
            throw new IllegalArgumentException("only an accepted v2 ATX carries what validation found");
        }
    }

    /** A v1 outcome (nothing v2 found). */
    public AtxValidation(Verdict verdict, Optional<AtxHeader> header, OptionalInt invalidPostIndex) {
        this(verdict, header, invalidPostIndex, Optional.empty());
    }

    /** A valid v2 ATX with what its validation found. */
    public static AtxValidation validV2(AtxHeader header, ValidatedAtxV2 found) {
        return new AtxValidation(Verdict.accept(), Optional.of(header), OptionalInt.empty(), Optional.of(found));
    }

    public static AtxValidation valid(AtxHeader header) {
        return new AtxValidation(Verdict.accept(), Optional.of(header), OptionalInt.empty());
    }

    public static AtxValidation ignore(AtxRule rule, String detail) {
        return new AtxValidation(Verdict.ignore(rule, detail), Optional.empty(), OptionalInt.empty());
    }

    public static AtxValidation reject(AtxRule rule, String detail) {
        return new AtxValidation(Verdict.reject(rule, detail), Optional.empty(), OptionalInt.empty());
    }

    /** A label of the NIPoST's PoST failed its check: reject, and prove the identity malicious with {@code index}. */
    public static AtxValidation invalidPostIndex(int index, String detail) {
        return new AtxValidation(Verdict.reject(AtxRule.INVALID_POST_INDEX, detail), Optional.empty(),
                OptionalInt.of(index));
    }

    public boolean valid() {
        return verdict.accepted();
    }

    /** The rule that failed; empty for a valid ATX. */
    public Optional<AtxRule> failedRule() {
        return Optional.ofNullable((AtxRule) verdict.ruleOrNull());
    }

    @Override
    public String toString() {
        return verdict + invalidPostIndex.stream().mapToObj(i -> " (label " + i + ")").findFirst().orElse("");
    }
}
