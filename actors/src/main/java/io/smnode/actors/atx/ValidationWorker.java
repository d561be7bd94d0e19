package io.smnode.actors.atx;

import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.serialization.ClusterMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One validation worker of the {@link AtxValidationPool}, with a validator of its own, on
 * {@link AtxValidationPool#DISPATCHER} (PoST label checks take CPU). It pulls work: it announces itself when it
 * starts (and after a restart), and each answer means it is idle again.
 */
public final class ValidationWorker {
    private ValidationWorker() {}

    public sealed interface Command extends ClusterMessage {}

    /** Validate {@code job} and answer the pool. */
    public record Check(ValidationJob job) implements Command {}

    static Behavior<Command> create(AtxCheck.Factory checks, AtxStore store,
                                    ActorRef<AtxValidationPool.Command> pool) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ValidationWorker.class);
            AtxCheck check = checks.create();
            pool.tell(new AtxValidationPool.WorkerReady(ctx.getSelf()));
            return Behaviors.receive(Command.class)
                    .onMessage(Check.class, c -> {
                        ValidationJob job = c.job();
                        AtxValidation result = check.validate(job.atx().toByteArray(), job.expectedId(),
                                job.currentEpoch(), store);
                        pool.tell(new AtxValidationPool.WorkDone(ctx.getSelf(), new ValidationDone(job, result)));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
