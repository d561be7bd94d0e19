package io.smnode.actors.faults;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Decides, message by message, which rule of a component fires. Each rule counts its own matches and draws from its
 * own generator seeded by the plan's seed and the rule's index, so decisions depend only on the plan and the order
 * of matching messages. Shared by every instance of one component (e.g. a pool's workers) and by its restarts, so
 * "every 2nd" counts across them: hence synchronized.
 */
public final class FaultInjector {
    private final List<RuleState> rules = new ArrayList<>();
    private final LongSupplier currentLayer;

    public FaultInjector(long seed, List<FaultRule> rules, LongSupplier currentLayer) {
        this.currentLayer = currentLayer;
        for (FaultRule rule : rules) {
            this.rules.add(new RuleState(rule, new SplittableRandom(seed * 1_000_003L + rule.index())));
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The fault to inject into a message of class {@code type} now, if a rule fires (the first rule that does). */
    public synchronized Optional<InjectedFault> decide(Class<?> type) {
        return decide(type.getSimpleName(), qualifiedName(type), Modifier.isPublic(type.getModifiers()));
    }

    /** As {@link #decide(Class)} for a named event (the store's {@code commit}). */
    public synchronized Optional<InjectedFault> decide(String name) {
        return decide(name, name, true);
    }

    private Optional<InjectedFault> decide(String simpleName, String qualifiedName, boolean publicMessage) {
        long layer = currentLayer.getAsLong();
        for (RuleState state : rules) {
            FaultRule rule = state.rule;
            if (!rule.matches(simpleName, qualifiedName, publicMessage) || !rule.inLayers(layer)) {
                continue;
            }
            state.matches++;
            boolean fires = rule.every() > 0 ? state.matches % rule.every() == 0
                    : state.random.nextDouble() < rule.probability();
            if (fires && (rule.limit() == 0 || state.fired < rule.limit())) {
                state.fired++;
                return Optional.of(new InjectedFault(rule, simpleName, state.matches, state.fired));
            }
        }
        return Optional.empty();
    }

    private static String qualifiedName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }

    private static final class RuleState {
        final FaultRule rule;
        final SplittableRandom random;
        long matches;
        long fired;

        RuleState(FaultRule rule, SplittableRandom random) {
            this.rule = rule;
            this.random = random;
        }
    }
}
