package io.smnode.actors.faults;

import org.apache.pekko.actor.typed.BehaviorInterceptor;

/** Makes the mailbox interceptor of one component (its class stays package-private to the fault seam). */
public final class FaultInterceptors {
    private FaultInterceptors() {}

    public static <T> BehaviorInterceptor<T, T> of(Class<T> type, String component, FaultInjector injector) {
        return new FaultInterceptor<>(type, component, injector);
    }
}
