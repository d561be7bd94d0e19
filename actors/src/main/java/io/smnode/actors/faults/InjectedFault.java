package io.smnode.actors.faults;

/**
 * One fault a rule decided to inject: which rule, into which message, and the counts that make the decision
 * reproducible in the log ({@code match} = how many matching messages the rule saw, {@code firing} = how many times
 * it fired, this one included).
 */
public record InjectedFault(FaultRule rule, String message, long match, long firing) {
    /** The FAULT log line's text after the marker. */
    public String describe(String component) {
        return rule.action().planName() + " " + component + " " + message + " (rule " + rule.index() + ", match "
                + match + ", firing " + firing + ")";
    }
}
