package io.smnode.actors.component;

import io.smnode.actors.faults.FaultInjectingStore;
import io.smnode.actors.faults.FaultInjector;
import io.smnode.actors.faults.FaultInterceptors;
import io.smnode.actors.faults.FaultPlan;
import io.smnode.persistence.Store;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The one factory every component is spawned through (ARCHITECTURE.md, "the fault-injection seam"). It puts a
 * component's behaviour inside its {@link Supervision}, and — when the node runs a {@link FaultPlan} with rules for
 * that component — an interceptor between the two that crashes, drops, delays or duplicates matching messages. The
 * store goes through it too ({@link #store}), so storage rules fail commits. With no plan nothing is wrapped.
 *
 * <p>One injector per component name, shared by every actor of that name and kept across restarts, so a rule's
 * counting spans them. Thread-safe: components spawn their own children through it from their own threads.
 */
public final class ComponentFactory {
    private final FaultPlan plan;
    private final LongSupplier currentLayer;
    private final Map<String, FaultInjector> injectors = new ConcurrentHashMap<>();

    /** @param currentLayer the layer now, for rules limited to a layer range */
    public ComponentFactory(FaultPlan plan, LongSupplier currentLayer) {
        this.plan = plan;
        this.currentLayer = currentLayer;
    }

    /** A factory without faults. */
    public static ComponentFactory withoutFaults() {
        return new ComponentFactory(FaultPlan.NONE, () -> 0);
    }

    public FaultPlan plan() {
        return plan;
    }

    /** {@code behavior} as component {@code name}: faults (if planned) inside {@code supervision}. */
    public <T> Behavior<T> behavior(String name, Class<T> type, Behavior<T> behavior, Supervision supervision) {
        return supervision.apply(faulty(name, type, behavior));
    }

    /** {@code behavior} with the plan's faults for {@code name}, unsupervised (for a caller with its own policy). */
    public <T> Behavior<T> faulty(String name, Class<T> type, Behavior<T> behavior) {
        FaultInjector injector = injector(name);
        return injector.isEmpty() ? behavior
                : Behaviors.intercept(() -> FaultInterceptors.of(type, name, injector), behavior);
    }

    /** Spawns component {@code name} as a child of {@code ctx} with {@code props} (its dispatcher) and watches it. */
    public <T> ActorRef<T> spawn(ActorContext<?> ctx, String name, Class<T> type, Behavior<T> behavior,
                                 Supervision supervision, Props props) {
        return spawn(ctx, name, name, type, behavior, supervision, props);
    }

    /**
     * Spawns component {@code name} as child {@code actorName} of {@code ctx}: one of several instances of a
     * component (an identity's builder among a node's), sharing its faults.
     */
    public <T> ActorRef<T> spawn(ActorContext<?> ctx, String name, String actorName, Class<T> type,
                                 Behavior<T> behavior, Supervision supervision, Props props) {
        ActorRef<T> ref = ctx.spawn(behavior(name, type, behavior, supervision), actorName, props);
        ctx.watch(ref);
        return ref;
    }

    /** The store with the plan's storage rules applied (itself when there are none). */
    public Store store(Store store) {
        FaultInjector injector = new FaultInjector(plan.seed(), plan.storageRules(), currentLayer);
        return injector.isEmpty() ? store : new FaultInjectingStore(store, injector);
    }

    private FaultInjector injector(String name) {
        return injectors.computeIfAbsent(name, n -> new FaultInjector(plan.seed(), plan.mailboxRules(n), currentLayer));
    }
}
