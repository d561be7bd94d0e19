package io.smnode.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Finds a component by the key it registered with the receptionist, at the time of the call: the API holds no refs,
 * so a component that restarted or has not started yet is simply found or not.
 */
public final class ComponentLookup {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ActorSystem<?> system;

    public ComponentLookup(ActorSystem<?> system) {
        this.system = system;
    }

    public <T> CompletionStage<Optional<ActorRef<T>>> find(ServiceKey<T> key) {
        return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                        replyTo -> Receptionist.find(key, replyTo), TIMEOUT, system.scheduler())
                .thenApply(listing -> listing.getServiceInstances(key).stream().findFirst());
    }

    /** Asks {@code target} with the API's timeout. */
    public <Q, R> CompletionStage<R> ask(ActorRef<Q> target, org.apache.pekko.japi.function.Function<ActorRef<R>, Q> message) {
        return AskPattern.ask(target, message::apply, TIMEOUT, system.scheduler());
    }

    public ActorSystem<?> system() {
        return system;
    }
}
