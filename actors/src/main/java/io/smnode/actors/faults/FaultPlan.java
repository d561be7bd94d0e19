package io.smnode.actors.faults;

import java.util.List;

/**
 * A seeded plan of faults to inject (ARCHITECTURE.md, "the fault-injection seam"): the same plan with the same seed
 * makes the same decisions for the same sequence of messages. Read from HOCON by {@link FaultPlans}.
 */
public record FaultPlan(long seed, List<FaultRule> rules) {
    public static final FaultPlan NONE = new FaultPlan(0, List.of());

    public FaultPlan {
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rules for {@code component} whose actions are mailbox actions. */
    public List<FaultRule> mailboxRules(String component) {
        return rules.stream().filter(r -> r.component().equals(component) && !r.action().storage()).toList();
    }

    /** The storage rules (component {@code storage}, actions fail-commit, fail-fsync, disk-full). */
    public List<FaultRule> storageRules() {
        return rules.stream().filter(r -> r.action().storage()).toList();
    }
}
