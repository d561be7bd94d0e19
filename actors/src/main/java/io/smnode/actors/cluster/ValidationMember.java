package io.smnode.actors.cluster;

import io.smnode.actors.atx.AtxCheck;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.ValidationWorker;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The validation role of a member without the consensus role: {@code workers} {@link ValidationWorker}s that pull
 * jobs from the validation pool of the consensus member, found through the (cluster) receptionist. Jobs carry
 * everything they need, so this member has no store and no network configuration of its own. When the pool it
 * works for disappears (its member left or was downed) the workers stop; when a pool appears they start for it.
 */
public final class ValidationMember {
    private ValidationMember() {}

    public sealed interface Command {}

    private record PoolsChanged(Receptionist.Listing listing) implements Command {}

    private record WorkerStopped(ActorRef<ValidationWorker.Command> worker) implements Command {}

    /**
     * @param workers      how many workers (validations at once) this member runs
     * @param announceIdle how often an idle worker tells the pool it is still there
     */
    public record Setup(ComponentFactory factory, AtxCheck.Factory checks, int workers, Duration announceIdle) {
        public Setup {
            if (workers < 1) {
                throw new IllegalArgumentException("a validation member needs at least one worker");
            }
        }
    }

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ValidationMember.class);
            ActorRef<Receptionist.Listing> adapter = ctx.messageAdapter(Receptionist.Listing.class,
                    PoolsChanged::new);
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(AtxValidationPool.KEY, adapter));
            ctx.getLog().info("validation member: {} workers wait for the consensus member's validation pool",
                    setup.workers());
            return new State(ctx, setup).behavior();
        });
    }

    private static final class State {
        private final ActorContext<Command> ctx;
        private final Setup setup;
        private final ProducerWorkers<AtxValidationPool.Command, ValidationWorker.Command> workers;

        State(ActorContext<Command> ctx, Setup setup) {
            this.ctx = ctx;
            this.setup = setup;
            this.workers = new ProducerWorkers<>(setup.workers());
        }

        Behavior<Command> behavior() {
            return Behaviors.receive(Command.class)
                    .onMessage(PoolsChanged.class, this::onPools)
                    .onMessage(WorkerStopped.class, s -> {
                        if (workers.workers().remove(s.worker())) {
                            ctx.getLog().warn("validation worker {} stopped after repeated failures; {} left",
                                    s.worker().path().name(), workers.workers().size());
                        }
                        return Behaviors.same();
                    })
                    .build();
        }

        private Behavior<Command> onPools(PoolsChanged changed) {
            boolean moved = workers.follow(ctx, changed.listing().getServiceInstances(AtxValidationPool.KEY),
                    (pool, name) -> {
                        Behavior<ValidationWorker.Command> worker = setup.factory().behavior(
                                ComponentNames.ATX_VALIDATION, ValidationWorker.Command.class,
                                ValidationWorker.create(setup.checks(), pool, Optional.of(setup.announceIdle())),
                                Supervision.DEFAULT);
                        ActorRef<ValidationWorker.Command> ref = ctx.spawn(worker, "worker-" + name,
                                DispatcherSelector.fromConfig(AtxValidationPool.DISPATCHER));
                        ctx.watchWith(ref, new WorkerStopped(ref));
                        return ref;
                    });
            if (moved) {
                workers.producer().ifPresentOrElse(
                        pool -> ctx.getLog().info("{} validation workers pull from the pool at {}",
                                workers.workers().size(), pool.path()),
                        () -> ctx.getLog().info("no validation pool in the cluster: workers wait"));
            }
            return Behaviors.same();
        }
    }
}
