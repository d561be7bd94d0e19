package io.smnode.hare;

import io.smnode.core.verdict.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * What handling a received hare message decided: the {@link Verdict} for gossip (accept = relay), and an
 * equivocation it revealed, if any, for a sender not already known malicious — to be persisted and the sender marked
 * malicious everywhere. An equivocation can come with an accept or an ignore.
 */
public record MessageOutcome(Verdict verdict, Optional<HareEquivocation> equivocation) {
    public MessageOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(equivocation, "equivocation");
    }

    static MessageOutcome reject(HareRule rule, String detail) {
        return new MessageOutcome(Verdict.reject(rule, detail), Optional.empty());
    }

    static MessageOutcome ignore(HareRule rule, String detail, Optional<HareEquivocation> equivocation) {
        return new MessageOutcome(Verdict.ignore(rule, detail), equivocation);
    }

    static MessageOutcome accept(Optional<HareEquivocation> equivocation) {
        return new MessageOutcome(Verdict.accept(), equivocation);
    }

    public boolean accepted() {
        return verdict.accepted();
    }
}
