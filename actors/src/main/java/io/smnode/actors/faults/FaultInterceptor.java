package io.smnode.actors.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Wraps a component's behaviour and applies its {@link FaultInjector}'s decisions to incoming messages: crash
 * (throw), drop, delay (re-sent to itself later) or duplicate (re-sent now and handled). A re-sent message passes
 * through untouched, so one decision affects a message once. The behaviour under test is unchanged: faults enter
 * only through its mailbox.
 */
final class FaultInterceptor<T> extends BehaviorInterceptor<T, T> {
    private final String component;
    private final FaultInjector injector;
    /**
     * Messages this interceptor sent to itself (delayed or duplicated), with how many times: handled as they are when
     * they come back. By equality, not identity: with {@code serialize-messages = on} (every cluster test) what comes
     * back is a deserialized copy, which identity would take for a new message and delay again, for ever.
     */
    private final Map<Object, Integer> resent = new HashMap<>();

    FaultInterceptor(Class<T> type, String component, FaultInjector injector) {
        super(type);
        this.component = component;
        this.injector = injector;
    }

    @Override
    public Behavior<T> aroundReceive(TypedActorContext<T> ctx, T msg, ReceiveTarget<T> target) {
        synchronized (resent) {
            Integer pending = resent.get(msg);
            if (pending != null) {
                if (pending == 1) {
                    resent.remove(msg);
                } else {
                    resent.put(msg, pending - 1);
                }
                return target.apply(ctx, msg);
            }
        }
        Optional<InjectedFault> fault = injector.decide(msg.getClass());
        if (fault.isEmpty()) {
            return target.apply(ctx, msg);
        }
        FaultLog.injected(component, fault.get());
        ActorRef<T> self = ctx.asJava().getSelf();
        switch (fault.get().rule().action()) {
            case CRASH -> throw new InjectedCrash("FAULT " + fault.get().describe(component));
            case DROP -> {
                return Behaviors.same();
            }
            case DELAY -> {
                remember(msg);
                ctx.asJava().scheduleOnce(fault.get().rule().delay(), self, msg);
                return Behaviors.same();
            }
            case DUPLICATE -> {
                remember(msg);
                self.tell(msg);
                return target.apply(ctx, msg);
            }
            default -> throw new IllegalStateException("storage action " + fault.get().rule().action()
                    + " in a mailbox rule");
        }
    }

    private void remember(Object msg) {
        synchronized (resent) {
            resent.merge(msg, 1, Integer::sum);
        }
    }
}
