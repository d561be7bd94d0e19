package io.smnode.core.verdict;

import java.util.Objects;

/**
 * What a node decides about a message, from the wire to the stores: the one verdict type every validator returns
 * and every actor passes on unchanged, so the gossip layer can map it straight onto gossipsub's validation result.
 * <ul>
 *   <li>{@link Accept}: valid; deliver, store and relay it.</li>
 *   <li>{@link Ignore}: not useful now (duplicate, not our business, a dependency missing, a queue full); drop it,
 *       no penalty for the peer.</li>
 *   <li>{@link Reject}: provably invalid; drop it and penalise the peer that sent it.</li>
 * </ul>
 * Ignore and reject name the {@link Rule} that decided and a human detail.
 */
public sealed interface Verdict {

    record Accept() implements Verdict {
        @Override
        public String toString() {
            return "ACCEPT";
        }
    }

    record Ignore(Rule rule, String detail) implements Verdict {
        public Ignore {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return "IGNORE " + rule.qualifiedName() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    record Reject(Rule rule, String detail) implements Verdict {
        public Reject {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return "REJECT " + rule.qualifiedName() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    Verdict ACCEPT = new Accept();

    static Verdict accept() {
        return ACCEPT;
    }

    static Verdict ignore(Rule rule, String detail) {
        return new Ignore(rule, detail);
    }

    static Verdict reject(Rule rule, String detail) {
        return new Reject(rule, detail);
    }

    default boolean accepted() {
        return this instanceof Accept;
    }

    default boolean rejected() {
        return this instanceof Reject;
    }

    /** The rule that decided, or {@code null} for an accept. */
    default Rule ruleOrNull() {
        if (this instanceof Ignore i) {
            return i.rule();
        }
        if (this instanceof Reject r) {
            return r.rule();
        }
        return null;
    }
}
