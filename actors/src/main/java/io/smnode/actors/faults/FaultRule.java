package io.smnode.actors.faults;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One rule of a {@link FaultPlan}: which component and message it matches, what it does, and when it fires — on
 * every {@code every}-th match, or with probability {@code probability} per match — optionally only within a layer
 * range and at most {@code limit} times.
 *
 * @param index    the rule's position in the plan (0-based), used in FAULT log lines and error messages
 * @param message  a message's simple class name ({@code Submit}), its name with the enclosing class
 *                 ({@code PoetActor.Submit}), or {@code *} for every message; {@code commit} for storage actions
 * @param every    fire on every N-th match (0 when {@code probability} is used)
 * @param probability fire with this probability (used when {@code every} is 0)
 * @param delay    for {@link FaultAction#DELAY}: how long the message waits
 * @param limit    at most this many firings (0: no limit)
 */
public record FaultRule(int index, String component, String message, FaultAction action, long every,
                        double probability, Duration delay, OptionalLong fromLayer, OptionalLong untilLayer,
                        long limit) {
    public FaultRule {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(delay, "delay");
        if (every < 0 || probability < 0 || probability > 1 || limit < 0 || (every == 0) == (probability == 0)) {
            throw new IllegalArgumentException("rule " + index + ": exactly one of every >= 1 or 0 < probability <= 1");
        }
    }

    /**
     * Whether a message matches: by its class's simple name or its name with the enclosing class; {@code *} matches
     * every message of the component's protocol — its public messages, what other components send it — but not its
     * internal ones (timer ticks, adapted replies, its own start-up steps), which a rule hits only by name. A crash
     * of every second internal message could otherwise lock a component in a loop no outside retry breaks.
     */
    boolean matches(String simpleName, String qualifiedName, boolean publicMessage) {
        return (message.equals("*") && publicMessage) || message.equals(simpleName) || message.equals(qualifiedName);
    }

    /** Whether {@code layer} lies in the rule's range ({@code from-layer} inclusive, {@code until-layer} exclusive). */
    boolean inLayers(long layer) {
        return (fromLayer.isEmpty() || layer >= fromLayer.getAsLong())
                && (untilLayer.isEmpty() || layer < untilLayer.getAsLong());
    }

    /** How the rule reads in a plan, for log lines. */
    public String describe() {
        return "rule " + index + " {component=" + component + ", message=" + message + ", action=" + action.planName()
                + (every > 0 ? ", every=" + every : ", probability=" + probability) + "}";
    }
}
