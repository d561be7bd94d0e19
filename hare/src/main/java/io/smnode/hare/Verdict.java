package io.smnode.hare;

import java.util.Objects;
import java.util.Optional;

/**
 * What to do with a received gossip message. REJECT: malformed or badly signed, penalise the peer. IGNORE: not
 * for us or not useful (no session, not eligible, duplicate); drop without penalty. ACCEPT: relay it. An
 * equivocation, when one is revealed by a sender not already known malicious, is to be persisted and the sender
 * marked malicious everywhere.
 */
public record Verdict(Kind kind, String reason, Optional<HareEquivocation> equivocation) {
    public enum Kind {
        ACCEPT,
        IGNORE,
        REJECT
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(equivocation, "equivocation");
    }

    static Verdict reject(String reason) {
        return new Verdict(Kind.REJECT, reason, Optional.empty());
    }

    static Verdict ignore(String reason, Optional<HareEquivocation> equivocation) {
        return new Verdict(Kind.IGNORE, reason, equivocation);
    }

    static Verdict accept(Optional<HareEquivocation> equivocation) {
        return new Verdict(Kind.ACCEPT, "", equivocation);
    }
}
