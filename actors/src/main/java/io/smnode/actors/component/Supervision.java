package io.smnode.actors.component;

import java.time.Duration;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * How a component's failures are handled (ARCHITECTURE.md, supervision):
 * <ul>
 *   <li>a broken consensus invariant ({@link InvariantBroken}) restarts the component at once: its setup rebuilds
 *       its state from LMDB, never continuing from the in-memory state that broke;</li>
 *   <li>any other failure (transient I/O, a peer's bad bytes that got too far, an injected crash) restarts it with
 *       exponential backoff, stashing what arrives meanwhile (bounded);</li>
 *   <li>past {@code maxRestarts} the component stops for good and its watcher (the guardian) takes the node down.</li>
 * </ul>
 */
public record Supervision(Duration minBackoff, Duration maxBackoff, int maxRestarts, int stashCapacity) {
    /** A component restarted at most 10 times, 200 ms to 10 s apart, stashing up to 1,000 messages meanwhile. */
    public static final Supervision DEFAULT = new Supervision(Duration.ofMillis(200), Duration.ofSeconds(10), 10, 1_000);

    public Supervision {
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0 || maxRestarts < 0 || stashCapacity < 0) {
            throw new IllegalArgumentException("backoff min <= max, restarts and stash >= 0");
        }
    }

    /** The same policy with another restart budget. */
    public Supervision withMaxRestarts(int restarts) {
        return new Supervision(minBackoff, maxBackoff, restarts, stashCapacity);
    }

    <T> Behavior<T> apply(Behavior<T> behavior) {
        Behavior<T> rebuilt = Behaviors.supervise(behavior).onFailure(InvariantBroken.class,
                SupervisorStrategy.restart().withLimit(maxRestarts, maxBackoff.multipliedBy(Math.max(1, maxRestarts)))
                        .withStashCapacity(stashCapacity));
        return Behaviors.supervise(rebuilt).onFailure(Exception.class,
                SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, 0.2).withMaxRestarts(maxRestarts)
                        .withStashCapacity(stashCapacity));
    }
}
