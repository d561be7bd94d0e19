package io.smnode.node.component;

import io.smnode.actors.clock.VirtualClock;
import io.smnode.actors.storage.StorageActor;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The test mode's virtual clock, persisted: every {@link #EVERY} of real time its reading goes through the single
 * writer, and a restarted node resumes from the last one ({@link #restore}) — at most that much (times the clock's
 * speed) behind where it was killed, never ahead, so no layer is skipped.
 */
public final class VirtualClockRecorder {
    static final Duration EVERY = Duration.ofMillis(250);

    private VirtualClockRecorder() {}

    /**
     * The node's virtual clock, standing at its last persisted reading (else at {@code genesis}) until the node is
     * ready.
     */
    public static VirtualClock restore(Store store, Instant genesis, double speed, LongSupplier nanos) {
        Instant start = store.get(NodeSchema.NODE_STATE, NodeSchema.VIRTUAL_CLOCK).map(Instant::ofEpochMilli)
                .filter(t -> t.isAfter(genesis)).orElse(genesis);
        return new VirtualClock(start, speed, nanos);
    }

    static Behavior<Tick> create(VirtualClock clock, ActorRef<StorageActor.Command> storage) {
        return Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new Tick(), EVERY);
            return Behaviors.receiveMessage(t -> {
                storage.tell(new StorageActor.CommitAndForget(WriteBatch.builder()
                        .put(NodeSchema.NODE_STATE, NodeSchema.VIRTUAL_CLOCK, clock.millis()).build()));
                return Behaviors.same();
            });
        });
    }

    /** Time to persist the clock's reading. */
    public record Tick() {}
}
