package io.smnode.actors.atx;

import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * ATX validation behind a bounded queue: {@code workers} {@link ValidationWorker}s (one validator each, on
 * {@link #DISPATCHER}) pull jobs as they become idle. A full queue answers at once with an ignore
 * ({@link CommonRule#QUEUE_FULL}) instead of holding work without bound. A worker that crashes on a job is restarted
 * and the job is tried once more on the next idle worker; a job that crashes twice is answered with an ignore
 * ({@link CommonRule#UNAVAILABLE}), so one poisonous ATX cannot wedge the pool.
 */
public final class AtxValidationPool {
    /** ATX validation is CPU-bound (signatures, PoST label checks with RandomX): a pool beside the default one. */
    public static final String DISPATCHER = "smnode-atx-validation-dispatcher";
    /** Validation work that other components (and later other cluster members) find through the receptionist. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "atx-validation");
    private static final int MAX_ATTEMPTS = 2;

    public sealed interface Command {}

    /** Validate {@code job}; {@code replyTo} gets exactly one {@link ValidationDone}. */
    public record Validate(ValidationJob job, ActorRef<ValidationDone> replyTo) implements Command, ClusterMessage {}

    /** From a worker: it (re)started and is idle. */
    public record WorkerReady(ActorRef<ValidationWorker.Command> worker) implements Command, ClusterMessage {}

    /** From a worker: its job is done and it is idle. */
    public record WorkDone(ActorRef<ValidationWorker.Command> worker, ValidationDone done) implements Command, ClusterMessage {}

    private record WorkerGone(ActorRef<ValidationWorker.Command> worker) implements Command {}

    private record Pending(ValidationJob job, ActorRef<ValidationDone> replyTo, int attempts) {}

    private final ActorContext<Command> ctx;
    private final int capacity;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayDeque<ActorRef<ValidationWorker.Command>> idle = new ArrayDeque<>();
    private final Map<ActorRef<ValidationWorker.Command>, Optional<Pending>> workers = new HashMap<>();

    public static Behavior<Command> create(ComponentFactory factory, AtxCheck.Factory checks, AtxStore store,
                                           int workers, int queueCapacity) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("a validation pool needs a worker and room for a job");
        }
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(AtxValidationPool.class);
            return new AtxValidationPool(ctx, factory, checks, store, workers, queueCapacity).receive();
        });
    }

    private AtxValidationPool(ActorContext<Command> ctx, ComponentFactory factory, AtxCheck.Factory checks,
                              AtxStore store, int count, int capacity) {
        this.ctx = ctx;
        this.capacity = capacity;
        for (int i = 0; i < count; i++) {
            Behavior<ValidationWorker.Command> worker = factory.behavior(ComponentNames.ATX_VALIDATION,
                    ValidationWorker.Command.class, ValidationWorker.create(checks, store, ctx.getSelf()),
                    Supervision.DEFAULT);
            ActorRef<ValidationWorker.Command> ref = ctx.spawn(worker, "worker-" + i,
                    DispatcherSelector.fromConfig(DISPATCHER));
            ctx.watchWith(ref, new WorkerGone(ref));
            workers.put(ref, Optional.empty());
        }
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Validate.class, this::onValidate)
                .onMessage(WorkerReady.class, this::onWorkerReady)
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessage(WorkerGone.class, this::onWorkerGone)
                .build();
    }

    private Behavior<Command> onValidate(Validate v) {
        if (queue.size() >= capacity) {
            v.replyTo().tell(new ValidationDone(v.job(), notValidated(Verdict.ignore(CommonRule.QUEUE_FULL,
                    capacity + " ATXs already wait for validation"))));
            return Behaviors.same();
        }
        queue.addLast(new Pending(v.job(), v.replyTo(), 0));
        dispatch();
        return Behaviors.same();
    }

    /** A worker that was busy and announces itself again was restarted: its job failed. */
    private Behavior<Command> onWorkerReady(WorkerReady r) {
        Optional<Pending> lost = workers.getOrDefault(r.worker(), Optional.empty());
        lost.ifPresent(this::retryOrGiveUp);
        if (workers.containsKey(r.worker())) {
            workers.put(r.worker(), Optional.empty());
            if (!idle.contains(r.worker())) {
                idle.addLast(r.worker());
            }
        }
        dispatch();
        return Behaviors.same();
    }

    private Behavior<Command> onWorkDone(WorkDone d) {
        Optional<Pending> pending = workers.getOrDefault(d.worker(), Optional.empty());
        if (pending.isPresent() && pending.get().job().id() == d.done().job().id()) {
            pending.get().replyTo().tell(d.done());
            workers.put(d.worker(), Optional.empty());
            idle.addLast(d.worker());
        }
        dispatch();
        return Behaviors.same();
    }

    private Behavior<Command> onWorkerGone(WorkerGone g) {
        Optional<Pending> lost = workers.remove(g.worker());
        idle.remove(g.worker());
        if (lost != null) {
            lost.ifPresent(this::retryOrGiveUp);
        }
        if (workers.isEmpty()) {
            throw new IllegalStateException("every ATX validation worker stopped after repeated failures");
        }
        ctx.getLog().warn("ATX validation worker {} stopped for good; {} left", g.worker().path().name(),
                workers.size());
        dispatch();
        return Behaviors.same();
    }

    private void retryOrGiveUp(Pending p) {
        if (p.attempts() + 1 >= MAX_ATTEMPTS) {
            p.replyTo().tell(new ValidationDone(p.job(), notValidated(Verdict.ignore(CommonRule.UNAVAILABLE,
                    "validation failed " + MAX_ATTEMPTS + " times"))));
        } else {
            queue.addFirst(new Pending(p.job(), p.replyTo(), p.attempts() + 1));
        }
    }

    private void dispatch() {
        while (!queue.isEmpty() && !idle.isEmpty()) {
            ActorRef<ValidationWorker.Command> worker = idle.removeFirst();
            Pending next = queue.removeFirst();
            workers.put(worker, Optional.of(next));
            worker.tell(new ValidationWorker.Check(next.job()));
        }
    }

    private static AtxValidation notValidated(Verdict verdict) {
        return new AtxValidation(verdict, Optional.empty(), OptionalInt.empty());
    }
}
