package io.smnode.actors.cluster;

import io.smnode.actors.post.NonceCandidate;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.init.VrfDifficulty;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Plans the PoST initialization of identities whose data is to live on post members, and hands it out by work
 * pulling: {@link PostRangeWorker}s of post members ask for work and get one {@link PostRange} descriptor at a time
 * (never label bytes: the worker writes its own disk). An identity's data must end up on one machine to be proven
 * over, so its first range binds it to the member of the worker that took it; later ranges go to that member's
 * workers only. The coordinator merges the ranges' VRF nonce candidates (the smallest output wins, whatever the
 * order), searches past the data one range at a time when the data holds none (as a local initialization does), and
 * has the member write the final metadata. A range whose worker failed or left is handed out again; when the bound
 * member has no worker left, the identity starts over on another member.
 *
 * <p>It keeps no state on disk: ask again after a restart and the member skips the ranges it already has.
 */
public final class PostInitCoordinator {
    /** Post members' workers find the coordinator here. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "post-init");

    public sealed interface Command {}

    /**
     * Initialize {@code config}'s identity on a post member, in ranges of {@code config.batchLabels()} labels;
     * {@code replyTo} gets the {@link Outcome}. Asking again for an identity in progress changes nothing.
     */
    public record Initialize(InitConfig config, ActorRef<Outcome> replyTo) implements Command, ClusterMessage {}

    /** From a worker: it (re)started and is idle; a range it held is lost. */
    public record WorkerReady(ActorRef<PostRangeWorker.Command> worker) implements Command, ClusterMessage {}

    /** From a worker: {@code range} is durable on its member (or scanned), with the best nonce candidate in it. */
    public record RangeDone(ActorRef<PostRangeWorker.Command> worker, PostRange range,
                            Optional<NonceCandidate> nonce) implements Command, ClusterMessage {}

    /** From a worker: {@code range} failed; the worker restarts next. */
    public record RangeFailed(ActorRef<PostRangeWorker.Command> worker, PostRange range, String reason)
            implements Command, ClusterMessage {}

    /** From a worker: the identity's final metadata is written; its data is complete on the worker's member. */
    public record Finished(ActorRef<PostRangeWorker.Command> worker, PostMetadata metadata)
            implements Command, ClusterMessage {}

    private record WorkerGone(ActorRef<PostRangeWorker.Command> worker) implements Command {}

    public sealed interface Outcome extends ClusterMessage {}

    /** The identity's data is complete on {@code member} (its address), which now proves for it. */
    public record Initialized(NodeId identity, String member, PostMetadata metadata) implements Outcome {}

    public record InitFailed(NodeId identity, String reason) implements Outcome {}

    public static Behavior<Command> create() {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(PostInitCoordinator.class);
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            return new PostInitCoordinator(ctx).receive();
        });
    }

    /** One identity until its data is complete. */
    private static final class Run {
        final InitConfig config;
        final ActorRef<Outcome> replyTo;
        final ArrayDeque<PostRange> pending = new ArrayDeque<>();
        NonceScan nonce;
        String member;
        int outstanding;
        /** Past the data: the start of the search range handed out last (its metadata's last position). */
        OptionalLong lastPosition = OptionalLong.empty();
        boolean finishing;

        Run(InitConfig config, ActorRef<Outcome> replyTo) {
            this.config = config;
            this.replyTo = replyTo;
            reset();
        }

        void reset() {
            pending.clear();
            for (long start = 0; start < config.totalLabels(); start += config.batchLabels()) {
                pending.add(new PostRange(config, start,
                        (int) Math.min(config.batchLabels(), config.totalLabels() - start), true));
            }
            nonce = new NonceScan(VrfDifficulty.threshold(config.totalLabels()));
            member = null;
            outstanding = 0;
            lastPosition = OptionalLong.empty();
            finishing = false;
        }
    }

    private static final class Worker {
        final String member;
        PostRange range;

        Worker(String member) {
            this.member = member;
        }
    }

    private final ActorContext<Command> ctx;
    private final Map<NodeId, Run> runs = new LinkedHashMap<>();
    private final Map<ActorRef<PostRangeWorker.Command>, Worker> workers = new LinkedHashMap<>();
    private final ArrayDeque<ActorRef<PostRangeWorker.Command>> idle = new ArrayDeque<>();

    private PostInitCoordinator(ActorContext<Command> ctx) {
        this.ctx = ctx;
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Initialize.class, this::onInitialize)
                .onMessage(WorkerReady.class, this::onWorkerReady)
                .onMessage(RangeDone.class, this::onRangeDone)
                .onMessage(RangeFailed.class, this::onRangeFailed)
                .onMessage(Finished.class, this::onFinished)
                .onMessage(WorkerGone.class, this::onWorkerGone)
                .build();
    }

    private Behavior<Command> onInitialize(Initialize i) {
        if (!runs.containsKey(i.config().nodeId())) {
            runs.put(i.config().nodeId(), new Run(i.config(), i.replyTo()));
            ctx.getLog().info("PoST of {}: {} labels in ranges of {}, for a post member", i.config().nodeId().hex(),
                    i.config().totalLabels(), i.config().batchLabels());
        }
        dispatch();
        return Behaviors.same();
    }

    private Behavior<Command> onWorkerReady(WorkerReady r) {
        Worker w = workers.get(r.worker());
        if (w == null) {
            w = new Worker(r.worker().path().address().toString());
            workers.put(r.worker(), w);
            ctx.watchWith(r.worker(), new WorkerGone(r.worker()));
            ctx.getLog().info("PoST worker {} on {} joined", r.worker().path().name(), w.member);
        } else {
            requeue(w);
        }
        if (!idle.contains(r.worker())) {
            idle.add(r.worker());
        }
        dispatch();
        return Behaviors.same();
    }

    private Behavior<Command> onRangeDone(RangeDone d) {
        Worker w = workers.get(d.worker());
        if (w == null || !d.range().equals(w.range)) {
            return Behaviors.same(); // late: the range went to another worker meanwhile
        }
        w.range = null;
        idle.add(d.worker());
        Run run = runs.get(d.range().config().nodeId());
        if (run != null && w.member.equals(run.member)) {
            run.outstanding--;
            d.nonce().ifPresent(n -> run.nonce.offer(n.index(), n.output().toByteArray(), 0));
            advance(run, d.worker());
        }
        dispatch();
        return Behaviors.same();
    }

    /** After a range: finish once the data is complete and the nonce known, else search on past the data. */
    private void advance(Run run, ActorRef<PostRangeWorker.Command> onMember) {
        if (run.outstanding > 0 || !run.pending.isEmpty() || run.finishing) {
            return;
        }
        if (run.nonce.found()) {
            run.finishing = true;
            byte[] out = run.nonce.output();
            InitConfig c = run.config;
            onMember.tell(new PostRangeWorker.Finish(new PostMetadata(c.nodeId(), c.commitmentAtxId(),
                    c.labelsPerUnit(), c.numUnits(), c.maxFileSize(), OptionalLong.of(run.nonce.index()),
                    Optional.of(Bytes.wrap(Arrays.copyOf(out, LabelGenerator.LABEL_SIZE))), run.lastPosition)));
            return;
        }
        // Spec 08 §1.4: no qualifying label in the data; search past it, one range at a time like a local run.
        long next = run.lastPosition.isPresent() ? run.lastPosition.getAsLong() + run.config.batchLabels()
                : run.config.totalLabels();
        run.lastPosition = OptionalLong.of(next);
        run.pending.add(new PostRange(run.config, next, run.config.batchLabels(), false));
    }

    private Behavior<Command> onRangeFailed(RangeFailed f) {
        Worker w = workers.get(f.worker());
        if (w != null && f.range().equals(w.range)) {
            ctx.getLog().warn("PoST worker {} on {} failed on {}: {}; the range is handed out again",
                    f.worker().path().name(), w.member, f.range(), f.reason());
            requeue(w);
            // The worker restarts and announces itself again before it gets more work.
        }
        dispatch();
        return Behaviors.same();
    }

    private Behavior<Command> onFinished(Finished f) {
        Run run = runs.remove(f.metadata().nodeId());
        Worker w = workers.get(f.worker());
        if (run != null) {
            String member = w != null ? w.member : f.worker().path().address().toString();
            ctx.getLog().info("PoST of {} complete on {}: nonce {}", f.metadata().nodeId().hex(), member,
                    f.metadata().nonce().getAsLong());
            run.replyTo.tell(new Initialized(f.metadata().nodeId(), member, f.metadata()));
        }
        return Behaviors.same();
    }

    private Behavior<Command> onWorkerGone(WorkerGone g) {
        Worker w = workers.remove(g.worker());
        idle.remove(g.worker());
        if (w == null) {
            return Behaviors.same();
        }
        requeue(w);
        boolean memberLeft = workers.values().stream().noneMatch(x -> x.member.equals(w.member));
        if (memberLeft) {
            for (Run run : runs.values()) {
                if (w.member.equals(run.member)) {
                    ctx.getLog().warn("PoST of {} was on {}, which has no worker left: it starts over on another "
                            + "member", run.config.nodeId().hex(), w.member);
                    run.reset();
                }
            }
        }
        dispatch();
        return Behaviors.same();
    }

    /** Puts the range {@code w} held back in front of its identity's queue. */
    private void requeue(Worker w) {
        PostRange lost = w.range;
        w.range = null;
        if (lost == null) {
            return;
        }
        Run run = runs.get(lost.config().nodeId());
        if (run != null && w.member.equals(run.member)) {
            run.outstanding--;
            run.pending.addFirst(lost);
        }
    }

    private void dispatch() {
        for (int tries = idle.size(); tries > 0 && !idle.isEmpty(); tries--) {
            ActorRef<PostRangeWorker.Command> ref = idle.poll();
            Worker w = workers.get(ref);
            Optional<Run> run = runs.values().stream()
                    .filter(r -> w.member.equals(r.member) && !r.pending.isEmpty()).findFirst()
                    .or(() -> runs.values().stream().filter(r -> r.member == null && !r.pending.isEmpty())
                            .findFirst());
            if (run.isEmpty()) {
                idle.add(ref); // nothing for this member now
                continue;
            }
            Run r = run.get();
            if (r.member == null) {
                r.member = w.member;
                ctx.getLog().info("PoST of {} goes to {}", r.config.nodeId().hex(), w.member);
            }
            PostRange range = r.pending.poll();
            r.outstanding++;
            w.range = range;
            ref.tell(new PostRangeWorker.Compute(range));
        }
    }
}
