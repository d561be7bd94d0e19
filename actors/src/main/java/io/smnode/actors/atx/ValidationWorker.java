package io.smnode.actors.atx;

import io.smnode.activation.AtxValidation;
import io.smnode.actors.serialization.ClusterMessage;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One validation worker with a validator of its own, on {@link AtxValidationPool#DISPATCHER} (PoST label checks take
 * CPU), in the pool's member or in a validation member. It pulls work: it announces itself when it starts (and after
 * a restart), and each answer means it is idle again. It validates from what the job carries ({@link JobFacts}), so
 * it needs no store. A worker on another member also says now and then that it is still idle, so that a pool that
 * restarted (or gave up on it) knows it again.
 */
public final class ValidationWorker {
    private ValidationWorker() {}

    public sealed interface Command {}

    /** Validate {@code job} (its inputs resolved) and answer the pool. */
    public record Check(ValidationJob job) implements Command, ClusterMessage {}

    /** A timer tick: never leaves the worker. */
    private record AnnounceIdle() implements Command {}

    /** @param announceIdle how often an idle worker tells the pool it is still there (for workers of other members) */
    public static Behavior<Command> create(AtxCheck.Factory checks, ActorRef<AtxValidationPool.Command> pool,
                                           Optional<Duration> announceIdle) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ctx.setLoggerName(ValidationWorker.class);
            AtxCheck check = checks.create();
            pool.tell(new AtxValidationPool.WorkerReady(ctx.getSelf()));
            announceIdle.ifPresent(every -> timers.startTimerWithFixedDelay(new AnnounceIdle(), every));
            boolean[] workedSinceLastAnnounce = {false};
            return Behaviors.receive(Command.class)
                    .onMessage(Check.class, c -> {
                        ValidationJob job = c.job();
                        AtxInputs inputs = job.inputs().orElseThrow(() -> new IllegalStateException(
                                "validation job " + job.id() + " came without its inputs"));
                        AtxValidation result = check.validate(job.atx().toByteArray(), job.expectedId(),
                                job.currentEpoch(), new JobFacts(inputs));
                        pool.tell(new AtxValidationPool.WorkDone(ctx.getSelf(), job.id(), result));
                        workedSinceLastAnnounce[0] = true;
                        return Behaviors.same();
                    })
                    .onMessage(AnnounceIdle.class, a -> {
                        if (!workedSinceLastAnnounce[0]) {
                            pool.tell(new AtxValidationPool.StillIdle(ctx.getSelf()));
                        }
                        workedSinceLastAnnounce[0] = false;
                        return Behaviors.same();
                    })
                    .build();
        }));
    }
}
