package io.smnode.actors.post;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.post.init.Batch;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitException;
import io.smnode.post.init.InitProgress;
import io.smnode.post.init.InitSession;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.NonceScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns the initialization of one PoST directory and its pool of {@link PostWorker}s. The planning, the in-order
 * writing with fsync and checkpoint and the nonce merging are {@link InitSession}'s (the same code the plain
 * {@code Initializer} runs); this actor hands the session's batches to idle workers, retries a batch whose worker
 * failed on another worker, feeds computed batches back to the session and tells subscribers how far it got.
 *
 * <p>Failures stay here: a worker that throws is restarted and its batch re-queued, a worker that keeps failing is
 * stopped and the rest of the pool carries on (with a CPU worker once the last GPU worker is gone), and a run that
 * cannot go on (a disk error, a directory of another identity, no worker left) ends with {@link Failed}. Every
 * session operation blocks on the disk: spawn this actor on {@link #DISPATCHER}. Time (for rates and ETA) comes from
 * the given {@link Clock}.
 */
public final class PostSupervisor extends AbstractBehavior<PostSupervisor.Command> {

    /** The pinned dispatcher for this actor and its workers (see reference.conf). */
    public static final String DISPATCHER = "smnode-post-dispatcher";

    public sealed interface Command {}

    /**
     * Initialize (or resume) the directory; {@code replyTo} gets the {@link Outcome}. A second Start while a run is
     * in progress is answered {@link Failed} at once and changes nothing.
     */
    public record Start(ActorRef<Outcome> replyTo) implements Command, ClusterMessage {}

    /** Stop the run in progress; its Start is answered {@link Cancelled}. Everything durable stays and is resumed. */
    public record Cancel() implements Command, ClusterMessage {}

    /** Receive an {@link InitProgress} each time more labels are durable (or the nonce search moved on). */
    public record Subscribe(ActorRef<InitProgress> subscriber) implements Command, ClusterMessage {}

    public record GetStatus(ActorRef<Status> replyTo) implements Command, ClusterMessage {}

    /** From a worker: it started (or restarted) and is idle. */
    public record WorkerReady(ActorRef<PostWorker.Command> worker) implements Command, ClusterMessage {}

    /** From a worker: {@code batch} is computed ({@code labels} empty when it is not stored); the worker is idle. */
    public record BatchComputed(ActorRef<PostWorker.Command> worker, Batch batch, Bytes labels,
                                Optional<NonceCandidate> nonce) implements Command, ClusterMessage {}

    /** From a worker: its backend failed on {@code batch}; the worker restarts (or stops) next. */
    public record BatchFailed(ActorRef<PostWorker.Command> worker, Batch batch, String reason)
            implements Command, ClusterMessage {}

    private record WorkerStopped(ActorRef<PostWorker.Command> worker) implements Command {}

    private record SubscriberStopped(ActorRef<InitProgress> subscriber) implements Command {}

    /** How a {@link Start} ended. */
    public sealed interface Outcome extends ClusterMessage {}

    /** Data complete and the nonce found; {@code metadata} is what the directory holds. */
    public record Completed(PostMetadata metadata) implements Outcome {}

    /** Stopped by {@link Cancel}; {@code labelsDone} labels are durable and are not recomputed on the next Start. */
    public record Cancelled(long labelsDone) implements Outcome {}

    /** The run cannot go on; what is durable stays (a later Start resumes from it). */
    public record Failed(String reason) implements Outcome {}

    /** Where this supervisor stands: the last run's state, its last progress and the workers running now. */
    public record Status(State state, Optional<InitProgress> progress, int workers) implements ClusterMessage {
        public enum State { IDLE, RUNNING, COMPLETED, CANCELLED, FAILED }
    }

    private final Path dir;
    private final InitConfig config;
    private final PostPool pool;
    private final Clock clock;
    private final List<ActorRef<InitProgress>> subscribers = new ArrayList<>();
    private Status.State state = Status.State.IDLE;
    private Optional<InitProgress> lastProgress = Optional.empty();
    /** The run in progress, or null. */
    private Run run;
    private long runs;

    public static Behavior<Command> create(Path dir, InitConfig config, PostPool pool, Clock clock) {
        return Behaviors.setup(ctx -> new PostSupervisor(ctx, dir, config, pool, clock));
    }

    private PostSupervisor(ActorContext<Command> ctx, Path dir, InitConfig config, PostPool pool, Clock clock) {
        super(ctx);
        this.dir = dir;
        this.config = config;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, this::onStart)
                .onMessage(Cancel.class, c -> {
                    if (run != null) {
                        end(new Cancelled(run.session.labelsDone()));
                    }
                    return this;
                })
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(SubscriberStopped.class, s -> {
                    subscribers.remove(s.subscriber());
                    return this;
                })
                .onMessage(GetStatus.class, g -> {
                    g.replyTo().tell(new Status(state, lastProgress, run == null ? 0 : run.workers.size()));
                    return this;
                })
                .onMessage(WorkerReady.class, this::onWorkerReady)
                .onMessage(BatchComputed.class, this::onBatchComputed)
                .onMessage(BatchFailed.class, this::onBatchFailed)
                .onMessage(WorkerStopped.class, this::onWorkerStopped)
                .onSignal(PostStop.class, s -> {
                    if (run != null) {
                        run.stop.set(true); // the workers stop with this actor; let their batches return early
                        closeSession(run);
                    }
                    return this;
                })
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe s) {
        if (!subscribers.contains(s.subscriber())) { // subscribing twice still means one copy of each event
            subscribers.add(s.subscriber());
            getContext().watchWith(s.subscriber(), new SubscriberStopped(s.subscriber()));
        }
        return this;
    }

    private Behavior<Command> onStart(Start s) {
        if (run != null) {
            s.replyTo().tell(new Failed("an initialization of " + dir + " is already running"));
            return this;
        }
        InitSession.Opened opened;
        try {
            opened = InitSession.open(dir, config);
        } catch (IOException | InitException | RuntimeException e) {
            state = Status.State.FAILED;
            s.replyTo().tell(new Failed(e.toString()));
            return this;
        }
        if (opened instanceof InitSession.Opened.AlreadyComplete done) {
            state = Status.State.COMPLETED;
            s.replyTo().tell(new Completed(done.metadata()));
            return this;
        }
        run = new Run(((InitSession.Opened.Resumed) opened).session(), s.replyTo(), clock.instant(), ++runs);
        state = Status.State.RUNNING;
        getContext().getLog().info("initializing {}: {} of {} labels done", dir, run.session.labelsDone(),
                config.totalLabels());
        if (run.session.done()) { // killed between the last checkpoint and the final metadata
            finish();
            return this;
        }
        for (LabelBackend gpu : pool.gpus()) {
            spawnWorker(gpu, true);
        }
        for (int i = 0; i < pool.cpuWorkers(); i++) {
            spawnWorker(pool.cpu(), false);
        }
        return this;
    }

    private void spawnWorker(LabelBackend backend, boolean gpu) {
        PostWorker.Job job = new PostWorker.Job(run.session.commitment(), config.scryptN(),
                run.session.nonceThreshold());
        String name = (gpu ? "gpu-" : "cpu-") + run.number + "-" + run.spawned++;
        ActorRef<PostWorker.Command> w = getContext().spawn(
                PostWorker.create(backend, job, getContext().getSelf(), run.stop, pool.maxRestarts(),
                        pool.restartWindow()),
                name, DispatcherSelector.fromConfig(DISPATCHER));
        getContext().watchWith(w, new WorkerStopped(w));
        run.workers.put(w, new WorkerInfo(name, backend.name(), gpu));
    }

    private Behavior<Command> onWorkerReady(WorkerReady r) {
        if (run != null && run.workers.containsKey(r.worker())) {
            requeue(r.worker()); // a worker that restarted without reporting its batch (say it failed in setup)
            if (!run.idle.contains(r.worker())) {
                run.idle.add(r.worker());
            }
            dispatch();
        }
        return this;
    }

    private Behavior<Command> onBatchComputed(BatchComputed c) {
        if (run == null || !c.batch().equals(run.assigned.get(c.worker()))) {
            return this; // a late answer from an earlier run, or for a batch already given to another worker
        }
        run.assigned.remove(c.worker());
        run.idle.add(c.worker());
        NonceScan scan = run.session.newNonceScan();
        c.nonce().ifPresent(n -> n.offerTo(scan));
        try {
            run.session.accept(c.batch(), c.batch().store() ? c.labels().toByteArray() : null, scan);
        } catch (IOException | RuntimeException e) {
            end(new Failed("writing labels " + c.batch().start() + ".." + c.batch().end() + ": " + e));
            return this;
        }
        publish();
        if (run.session.done()) {
            finish();
        } else {
            dispatch();
        }
        return this;
    }

    private Behavior<Command> onBatchFailed(BatchFailed f) {
        if (run != null && run.workers.containsKey(f.worker())) {
            WorkerInfo w = run.workers.get(f.worker());
            getContext().getLog().warn("PoST worker {} ({}) failed on labels {}..{}: {}; the batch is retried",
                    w.name(), w.backend(), f.batch().start(), f.batch().end(), f.reason());
            requeue(f.worker());
            dispatch();
        }
        return this;
    }

    private Behavior<Command> onWorkerStopped(WorkerStopped s) {
        if (run == null || !run.workers.containsKey(s.worker())) {
            return this;
        }
        WorkerInfo gone = run.workers.remove(s.worker());
        requeue(s.worker());
        run.idle.remove(s.worker());
        getContext().getLog().warn("PoST worker {} ({}) stopped after repeated failures; {} workers left",
                gone.name(), gone.backend(), run.workers.size());
        boolean gpuLeft = run.workers.values().stream().anyMatch(WorkerInfo::gpu);
        boolean cpuLeft = run.workers.values().stream().anyMatch(w -> !w.gpu());
        if (gone.gpu() && !gpuLeft && !cpuLeft) {
            getContext().getLog().warn("no GPU worker left: continuing on {}", pool.cpu().name());
            spawnWorker(pool.cpu(), false);
        }
        if (run.workers.isEmpty()) {
            end(new Failed("every PoST worker failed; last: " + gone.name() + " (" + gone.backend() + ")"));
        } else {
            dispatch();
        }
        return this;
    }

    /** Puts the batch {@code worker} was computing (if any) back in front of the queue. */
    private void requeue(ActorRef<PostWorker.Command> worker) {
        Batch b = run.assigned.remove(worker);
        if (b != null) {
            run.retry.add(b);
        }
    }

    /** Gives idle workers work: retried batches first, then new ones while not too far ahead of the writer. */
    private void dispatch() {
        while (!run.idle.isEmpty()) {
            Optional<Batch> next = nextBatch();
            if (next.isEmpty()) {
                return;
            }
            ActorRef<PostWorker.Command> w = run.idle.poll();
            run.assigned.put(w, next.get());
            w.tell(new PostWorker.Compute(next.get()));
        }
    }

    private Optional<Batch> nextBatch() {
        if (!run.retry.isEmpty()) {
            return Optional.of(run.retry.pollFirst());
        }
        // Batches computed ahead of a slow one wait in memory; two per worker keeps everyone busy and bounds that.
        int window = 2 * run.workers.size();
        if (run.assigned.size() + run.session.waitingBatches() >= window) {
            return Optional.empty();
        }
        return run.session.nextBatch();
    }

    private void publish() {
        InitProgress p = run.session.progress(Duration.between(run.started, clock.instant()));
        if (p.labelsDone() == run.publishedDone && p.searchPosition() == run.publishedPosition) {
            return; // the batch waits for an earlier one: nothing new is durable
        }
        run.publishedDone = p.labelsDone();
        run.publishedPosition = p.searchPosition();
        lastProgress = Optional.of(p);
        subscribers.forEach(s -> s.tell(p));
    }

    private void finish() {
        PostMetadata m;
        try {
            m = run.session.finish();
        } catch (IOException | RuntimeException e) {
            end(new Failed("writing the final metadata: " + e));
            return;
        }
        getContext().getLog().info("initialized {}: {} labels, nonce {}", dir, config.totalLabels(),
                m.nonce().getAsLong());
        end(new Completed(m));
    }

    /** Ends the run: its batches stop early, its workers stop, the session closes and Start is answered. */
    private void end(Outcome outcome) {
        Run r = run;
        run = null;
        r.stop.set(true);
        r.workers.keySet().forEach(getContext()::stop);
        closeSession(r);
        if (outcome instanceof Failed f) {
            state = Status.State.FAILED;
            getContext().getLog().error("initializing {} failed: {}", dir, f.reason());
        } else {
            state = outcome instanceof Completed ? Status.State.COMPLETED : Status.State.CANCELLED;
        }
        r.replyTo.tell(outcome);
    }

    private void closeSession(Run r) {
        try {
            r.session.close();
        } catch (IOException e) {
            getContext().getLog().warn("closing the data files of {}: {}", dir, e.toString());
        }
    }

    private record WorkerInfo(String name, String backend, boolean gpu) {}

    /** One Start until its Outcome. */
    private static final class Run {
        final InitSession session;
        final ActorRef<Outcome> replyTo;
        final Instant started;
        final long number;
        /** Shared with this run's workers only: set when the run ends so that their batches return early. */
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<ActorRef<PostWorker.Command>, WorkerInfo> workers = new HashMap<>();
        final Map<ActorRef<PostWorker.Command>, Batch> assigned = new HashMap<>();
        final ArrayDeque<ActorRef<PostWorker.Command>> idle = new ArrayDeque<>();
        final TreeSet<Batch> retry = new TreeSet<>(Comparator.comparingLong(Batch::start));
        int spawned;
        /** What subscribers were last told (at first: where the session started). */
        long publishedDone;
        long publishedPosition;

        Run(InitSession session, ActorRef<Outcome> replyTo, Instant started, long number) {
            this.session = session;
            this.publishedDone = session.labelsDone();
            this.publishedPosition = session.labelsDone();
            this.replyTo = replyTo;
            this.started = started;
            this.number = number;
        }
    }
}
