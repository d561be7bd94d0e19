package io.smnode.actors.atx;

import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * ATX validation behind a bounded queue, by work pulling: {@link ValidationWorker}s ask for work ({@link WorkerReady}
 * when they start, every {@link WorkDone} means idle again) and get one job at a time. The pool spawns its own
 * workers (one validator each, on {@link #DISPATCHER}); workers of other cluster members (the validation role) find
 * it through the receptionist ({@link #KEY}) and join the same way. Right before a job goes to a worker the pool
 * resolves its inputs from the store it sits next to ({@link AtxInputsResolver}), so a worker anywhere needs
 * nothing else.
 *
 * <p>Exactly one answer per job: a result counts only from the worker the job is assigned to. A full queue answers
 * at once with an ignore ({@link CommonRule#QUEUE_FULL}). A job is handed out again (counted as redone) when its
 * worker restarts on it, stops, leaves the cluster (its member was downed) or stays silent past the job timeout;
 * a job whose worker crashed twice is answered with an ignore ({@link CommonRule#UNAVAILABLE}), so one poisonous
 * ATX cannot wedge the pool, and so is one whose member was lost {@value #MAX_MEMBER_LOSSES} times. Other members'
 * workers are preferred; the pool's own take jobs too ({@link LocalWorkers#PRIMARY}) or only while no other
 * member's worker is there ({@link LocalWorkers#FALLBACK}: the consensus member validates itself when it must).
 * Store-bound jobs ({@link AtxInputs#storeBound()}: v2 ATXs) go to the pool's own workers only, in either mode.
 */
public final class AtxValidationPool {
    /** ATX validation is CPU-bound (signatures, PoST label checks with RandomX): a pool beside the default one. */
    public static final String DISPATCHER = "smnode-atx-validation-dispatcher";
    /** Validation work that other components and other cluster members' workers find through the receptionist. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "atx-validation");
    /** How long a worker on another member may hold a job before it is handed out again. */
    public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 2;
    private static final int MAX_MEMBER_LOSSES = 3;
    private static final String LOCAL = "local";

    /** How the pool's own workers take part. */
    public enum LocalWorkers {
        /** Like any other worker: a node that has the validation role itself (one JVM: the default). */
        PRIMARY,
        /** Only while no other member's worker is there: a consensus member without the validation role. */
        FALLBACK
    }

    /**
     * What a pool is made of.
     *
     * @param workers         the pool's own workers
     * @param remoteJobTimeout how long another member's worker may hold a job before it is handed out again
     * @param stats           where the pool publishes its {@link PoolStats} (one per node, outliving restarts)
     */
    public record Setup(ComponentFactory factory, AtxCheck.Factory checks, AtxInputsResolver inputs, int workers,
                        int queueCapacity, LocalWorkers local, Duration remoteJobTimeout, ValidationStats stats) {
        public Setup {
            if (workers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("a validation pool needs a worker and room for a job");
            }
            if (remoteJobTimeout.isNegative() || remoteJobTimeout.isZero()) {
                throw new IllegalArgumentException("the job timeout must be positive");
            }
        }
    }

    public sealed interface Command {}

    /** Validate {@code job}; {@code replyTo} gets exactly one {@link ValidationDone}. */
    public record Validate(ValidationJob job, ActorRef<ValidationDone> replyTo) implements Command, ClusterMessage {}

    /** From a worker: it (re)started and is idle; a job it held is lost. */
    public record WorkerReady(ActorRef<ValidationWorker.Command> worker) implements Command, ClusterMessage {}

    /** From a worker: job {@code jobId} is done and it is idle. */
    public record WorkDone(ActorRef<ValidationWorker.Command> worker, long jobId, AtxValidation result)
            implements Command, ClusterMessage {}

    /** From another member's idle worker, now and then: it is there and waits for work (no job is lost by it). */
    public record StillIdle(ActorRef<ValidationWorker.Command> worker) implements Command, ClusterMessage {}

    /** Where the pool stands now. */
    public record GetStats(ActorRef<PoolStats> replyTo) implements Command, ClusterMessage {}

    private record WorkerGone(ActorRef<ValidationWorker.Command> worker) implements Command {}

    private record JobTimedOut(ActorRef<ValidationWorker.Command> worker, long jobId) implements Command {}

    private record Pending(ValidationJob job, ActorRef<ValidationDone> replyTo, int attempts, int memberLosses,
                           boolean storeBound) {
        Pending again(int moreAttempts, int moreMemberLosses) {
            return new Pending(job, replyTo, attempts + moreAttempts, memberLosses + moreMemberLosses, storeBound);
        }
    }

    /** What the pool knows of one worker. */
    private static final class Worker {
        final boolean local;
        final String member;
        Pending job;
        long done;
        /** Timed out on a job: gets no work until it speaks again. */
        boolean silent;

        Worker(boolean local, String member) {
            this.local = local;
            this.member = member;
        }
    }

    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final Setup setup;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayDeque<ActorRef<ValidationWorker.Command>> idleRemote = new ArrayDeque<>();
    private final ArrayDeque<ActorRef<ValidationWorker.Command>> idleLocal = new ArrayDeque<>();
    private final Map<ActorRef<ValidationWorker.Command>, Worker> workers = new LinkedHashMap<>();
    private long redone;
    private long givenUp;

    /** A pool of {@code workers} primary local workers whose jobs carry facts read from {@code store} alone. */
    public static Behavior<Command> create(ComponentFactory factory, AtxCheck.Factory checks, AtxStore store,
                                           int workers, int queueCapacity) {
        return create(new Setup(factory, checks, AtxInputsResolver.storeOnly(store), workers, queueCapacity,
                LocalWorkers.PRIMARY, DEFAULT_JOB_TIMEOUT, new ValidationStats()));
    }

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ctx.setLoggerName(AtxValidationPool.class);
            return new AtxValidationPool(ctx, timers, setup).receive();
        }));
    }

    private AtxValidationPool(ActorContext<Command> ctx, TimerScheduler<Command> timers, Setup setup) {
        this.ctx = ctx;
        this.timers = timers;
        this.setup = setup;
        for (int i = 0; i < setup.workers(); i++) {
            Behavior<ValidationWorker.Command> worker = setup.factory().behavior(ComponentNames.ATX_VALIDATION,
                    ValidationWorker.Command.class, ValidationWorker.create(setup.checks(), ctx.getSelf(),
                            Optional.empty()), Supervision.DEFAULT);
            ActorRef<ValidationWorker.Command> ref = ctx.spawn(worker, "worker-" + i,
                    DispatcherSelector.fromConfig(DISPATCHER));
            ctx.watchWith(ref, new WorkerGone(ref));
            workers.put(ref, new Worker(true, LOCAL));
        }
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
        publish();
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Validate.class, this::onValidate)
                .onMessage(WorkerReady.class, this::onWorkerReady)
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessage(StillIdle.class, this::onStillIdle)
                .onMessage(WorkerGone.class, this::onWorkerGone)
                .onMessage(JobTimedOut.class, this::onJobTimedOut)
                .onMessage(GetStats.class, g -> {
                    g.replyTo().tell(stats());
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onValidate(Validate v) {
        if (queue.size() >= setup.queueCapacity()) {
            v.replyTo().tell(new ValidationDone(v.job(), notValidated(Verdict.ignore(CommonRule.QUEUE_FULL,
                    setup.queueCapacity() + " ATXs already wait for validation"))));
            return Behaviors.same();
        }
        queue.addLast(new Pending(v.job(), v.replyTo(), 0, 0, setup.inputs().storeBound(v.job())));
        return changed();
    }

    /** A worker that was busy and announces itself again was restarted: its job failed. */
    private Behavior<Command> onWorkerReady(WorkerReady r) {
        Worker w = workers.get(r.worker());
        if (w == null) {
            w = join(r.worker());
        } else if (w.job != null) {
            Pending lost = takeJob(r.worker(), w);
            retryOrGiveUp(lost);
        }
        becomeIdle(r.worker(), w);
        return changed();
    }

    private Behavior<Command> onWorkDone(WorkDone d) {
        Worker w = workers.get(d.worker());
        if (w == null) {
            w = join(d.worker()); // a worker of an earlier incarnation of this pool: idle now, its result stale
        }
        if (w.job != null && w.job.job().id() == d.jobId()) {
            Pending p = takeJob(d.worker(), w);
            w.done++;
            p.replyTo().tell(new ValidationDone(p.job(), d.result()));
        }
        if (w.job == null) {
            becomeIdle(d.worker(), w);
        }
        return changed();
    }

    private Behavior<Command> onStillIdle(StillIdle s) {
        Worker w = workers.get(s.worker());
        if (w == null) {
            becomeIdle(s.worker(), join(s.worker()));
        } else if (w.silent) {
            becomeIdle(s.worker(), w);
        }
        // Holding a job: the job is on its way to it (or lost, which the timeout covers).
        return changed();
    }

    private Behavior<Command> onWorkerGone(WorkerGone g) {
        Worker w = workers.remove(g.worker());
        idleRemote.remove(g.worker());
        idleLocal.remove(g.worker());
        if (w == null) {
            return Behaviors.same();
        }
        timers.cancel(g.worker());
        if (w.job != null) {
            Pending lost = w.job;
            w.job = null;
            redone++;
            if (w.local) {
                retryOrGiveUp(lost);
            } else {
                memberLost(lost);
            }
        }
        if (w.local) {
            long left = workers.values().stream().filter(x -> x.local).count();
            if (left == 0) {
                throw new IllegalStateException("every ATX validation worker stopped after repeated failures");
            }
            ctx.getLog().warn("ATX validation worker {} stopped for good; {} left", g.worker().path().name(), left);
        } else {
            ctx.getLog().info("ATX validation worker {} on {} left{}", g.worker().path().name(), w.member,
                    w.job == null ? "" : "; its job is handed out again");
        }
        return changed();
    }

    private Behavior<Command> onJobTimedOut(JobTimedOut t) {
        Worker w = workers.get(t.worker());
        if (w != null && w.job != null && w.job.job().id() == t.jobId()) {
            Pending lost = takeJob(t.worker(), w);
            w.silent = true;
            redone++;
            ctx.getLog().warn("ATX validation worker {} on {} did not answer job {} within {}: handed out again",
                    t.worker().path().name(), w.member, t.jobId(), setup.remoteJobTimeout());
            memberLost(lost);
        }
        return changed();
    }

    private Worker join(ActorRef<ValidationWorker.Command> ref) {
        Worker w = new Worker(false, ref.path().address().toString());
        workers.put(ref, w);
        ctx.watchWith(ref, new WorkerGone(ref));
        ctx.getLog().info("ATX validation worker {} on {} joined", ref.path().name(), w.member);
        return w;
    }

    private Pending takeJob(ActorRef<ValidationWorker.Command> ref, Worker w) {
        Pending p = w.job;
        w.job = null;
        timers.cancel(ref);
        return p;
    }

    private void becomeIdle(ActorRef<ValidationWorker.Command> ref, Worker w) {
        w.silent = false;
        ArrayDeque<ActorRef<ValidationWorker.Command>> idle = w.local ? idleLocal : idleRemote;
        if (!idle.contains(ref)) {
            idle.addLast(ref);
        }
    }

    private void retryOrGiveUp(Pending p) {
        if (p.attempts() + 1 >= MAX_ATTEMPTS) {
            giveUp(p, "validation failed " + MAX_ATTEMPTS + " times");
        } else {
            queue.addFirst(p.again(1, 0));
        }
    }

    /** The job's worker is gone with its member (or silent): not the job's fault, unless it keeps happening. */
    private void memberLost(Pending p) {
        if (p.memberLosses() + 1 >= MAX_MEMBER_LOSSES) {
            giveUp(p, "its worker was lost " + MAX_MEMBER_LOSSES + " times");
        } else {
            queue.addFirst(p.again(0, 1));
        }
    }

    private void giveUp(Pending p, String why) {
        givenUp++;
        p.replyTo().tell(new ValidationDone(p.job(), notValidated(Verdict.ignore(CommonRule.UNAVAILABLE, why))));
    }

    private Behavior<Command> changed() {
        dispatch();
        publish();
        return Behaviors.same();
    }

    /**
     * Hands waiting jobs, in order, to idle workers: other members' first, then the pool's own when they may work;
     * a store-bound job waits for one of the pool's own while later jobs may go ahead of it.
     */
    private void dispatch() {
        Iterator<Pending> waiting = queue.iterator();
        while (waiting.hasNext() && !(idleRemote.isEmpty() && idleLocal.isEmpty())) {
            Pending next = waiting.next();
            ActorRef<ValidationWorker.Command> ref = next.storeBound() ? idleLocal.pollFirst() : nextIdle();
            if (ref == null) {
                continue;
            }
            waiting.remove();
            Worker w = workers.get(ref);
            w.job = next;
            ref.tell(new ValidationWorker.Check(next.job().withInputs(setup.inputs().resolve(next.job()))));
            if (!w.local) {
                timers.startSingleTimer(ref, new JobTimedOut(ref, next.job().id()), setup.remoteJobTimeout());
            }
        }
    }

    private ActorRef<ValidationWorker.Command> nextIdle() {
        if (!idleRemote.isEmpty()) {
            return idleRemote.removeFirst();
        }
        boolean localMayWork = setup.local() == LocalWorkers.PRIMARY
                || workers.values().stream().noneMatch(w -> !w.local && !w.silent);
        return localMayWork && !idleLocal.isEmpty() ? idleLocal.removeFirst() : null;
    }

    private PoolStats stats() {
        List<PoolStats.WorkerStats> list = new ArrayList<>(workers.size());
        workers.forEach((ref, w) -> list.add(new PoolStats.WorkerStats(ref.path().name(), w.member, w.local,
                w.job != null, w.done)));
        return new PoolStats(queue.size(), setup.queueCapacity(), redone, givenUp,
                setup.local() == LocalWorkers.FALLBACK, list);
    }

    private void publish() {
        setup.stats().publish(stats());
    }

    private static AtxValidation notValidated(Verdict verdict) {
        return new AtxValidation(verdict, Optional.empty(), OptionalInt.empty());
    }
}
