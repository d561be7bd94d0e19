package io.smnode.actors.post;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitProgress;
import io.smnode.post.init.PostMetadata;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The node's PoST (component {@code post}): initializes the identity's data through the {@link PostSupervisor}'s
 * pool of CPU/GPU workers — resuming from the last checkpoint — and then proves over it with a
 * {@link ProvingWorker} on its own dispatcher. While initializing it logs a progress line (percent, labels/s, ETA) at
 * least every {@link #REPORT_EVERY} and exports gauges.
 *
 * <p>On SIGTERM the node's CoordinatedShutdown cancels a running initialization first (its batches return within
 * one label), so the node stops within seconds; the log says where initialization paused, and the next start
 * resumes from there.
 */
public final class PostServiceActor {
    public static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    /** Components that prove or ask about the PoST state find the service here. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "post");
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(4);

    public sealed interface Command {}

    /** Answer {@code replyTo} once the data is initialized (at once when it is). */
    public record AwaitReady(ActorRef<Ready> replyTo) implements Command {}

    /** The data is complete: its metadata (with the VRF nonce) and the prover to send proofs to. */
    public record Ready(PostMetadata metadata, ActorRef<ProvingWorker.Prove> prover) {}

    public record GetStatus(ActorRef<PostSupervisor.Status> replyTo) implements Command {}

    /**
     * Prove over {@code challenge} with the identity's data; answered {@link ProvingWorker.Failed} when the data is
     * not ready yet. The service's ref stays the same across its restarts, so askers need not know its prover.
     */
    public record Prove(Hash32 challenge, ActorRef<ProvingWorker.Result> replyTo) implements Command, ClusterMessage {}

    /**
     * A remote post service registered for {@code identity} (through the API's PostService): while it is attached,
     * {@link Prove} goes to {@code prover} instead of the local data. Idempotent; the registration repeats it, so a
     * restarted service learns it again. Ignored for another identity than this service's.
     */
    public record AttachRemote(NodeId identity, ActorRef<ProvingWorker.Prove> prover) implements Command {}

    private record RemoteGone(ActorRef<ProvingWorker.Prove> prover) implements Command {}

    private record InitEnded(PostSupervisor.Outcome outcome) implements Command {}

    private record Progressed(InitProgress progress) implements Command {}

    private record Report() implements Command {}

    /** What a proving worker needs once the data is complete; made on the proving dispatcher. */
    @FunctionalInterface
    public interface ProverFactory {
        PostProving create(PostMetadata metadata) throws Exception;
    }

    /** What the service is made of. */
    public record Setup(Path dir, InitConfig init, PostPool pool, ProverFactory provers, Clock clock,
                        PrometheusRegistry metrics) {}

    private final ActorContext<Command> ctx;
    private final Setup setup;
    private final ActorRef<PostSupervisor.Command> supervisor;
    private final List<ActorRef<Ready>> waiting = new ArrayList<>();
    private final Gauge done;
    private final Gauge total;
    private final Gauge rate;
    private Optional<InitProgress> last = Optional.empty();
    private Optional<Ready> ready = Optional.empty();
    private Optional<ActorRef<ProvingWorker.Prove>> remote = Optional.empty();
    private Cancellable shutdownTask;
    /** Completed when the initialization ends, whatever its outcome: the shutdown task waits for a cancelled one. */
    private final CompletableFuture<Done> initEnded = new CompletableFuture<>();

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(PostServiceActor.class);
            return Behaviors.withTimers(timers -> new PostServiceActor(ctx, setup, timers).receive());
        });
    }

    private PostServiceActor(ActorContext<Command> ctx, Setup setup, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.done = PostGauges.labelsDone(setup.metrics());
        this.total = PostGauges.labelsTotal(setup.metrics());
        this.rate = PostGauges.labelsPerSecond(setup.metrics());
        total.set(setup.init().totalLabels());
        supervisor = ctx.spawn(PostSupervisor.create(setup.dir(), setup.init(), setup.pool(), setup.clock()), "init",
                DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER));
        ctx.watch(supervisor);
        supervisor.tell(new PostSupervisor.Subscribe(ctx.messageAdapter(InitProgress.class, Progressed::new)));
        supervisor.tell(new PostSupervisor.Start(ctx.messageAdapter(PostSupervisor.Outcome.class, InitEnded::new)));
        timers.startTimerWithFixedDelay(new Report(), REPORT_EVERY);
        shutdownTask = CoordinatedShutdown.get(ctx.getSystem()).addCancellableTask(
                CoordinatedShutdown.PhaseServiceUnbind(), "post-cancel-init", this::cancelInit);
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    /** Stops a running initialization before the actors stop, so its workers leave their batches at once. */
    private CompletionStage<Done> cancelInit() {
        return AskPattern.<PostSupervisor.Command, PostSupervisor.Status>ask(supervisor, PostSupervisor.GetStatus::new,
                        CANCEL_TIMEOUT, ctx.getSystem().scheduler())
                .thenCompose(status -> {
                    if (status.state() != PostSupervisor.Status.State.RUNNING) {
                        return CompletableFuture.completedFuture(Done.getInstance());
                    }
                    supervisor.tell(new PostSupervisor.Cancel());
                    // Until the pause is recorded and said (its line tells the operator where the next start
                    // resumes): returning at once let the actors stop before it, now and then.
                    return initEnded.copy().completeOnTimeout(Done.getInstance(), CANCEL_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS);
                })
                .exceptionally(failure -> Done.getInstance());
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(AwaitReady.class, a -> {
                    if (ready.isPresent()) {
                        a.replyTo().tell(ready.get());
                    } else if (!waiting.contains(a.replyTo())) {
                        waiting.add(a.replyTo());
                    }
                    return Behaviors.same();
                })
                .onMessage(Prove.class, p -> {
                    ProvingWorker.Prove prove = new ProvingWorker.Prove(p.challenge(), p.replyTo());
                    if (remote.isPresent()) {
                        ctx.getLog().info("PoST proof for challenge {} asked of the remote post service",
                                p.challenge().hex());
                        remote.get().tell(prove);
                    } else {
                        ready.ifPresentOrElse(r -> r.prover().tell(prove),
                                () -> p.replyTo().tell(new ProvingWorker.Failed(p.challenge(),
                                        "the PoST data is not initialized yet")));
                    }
                    return Behaviors.same();
                })
                .onMessage(AttachRemote.class, this::onAttachRemote)
                .onMessage(RemoteGone.class, g -> {
                    if (remote.equals(Optional.of(g.prover()))) {
                        ctx.getLog().info("the remote post service left; proofs are made locally again");
                        remote = Optional.empty();
                    }
                    return Behaviors.same();
                })
                .onMessage(GetStatus.class, g -> {
                    supervisor.tell(new PostSupervisor.GetStatus(g.replyTo()));
                    return Behaviors.same();
                })
                .onMessage(Progressed.class, p -> {
                    last = Optional.of(p.progress());
                    done.set(p.progress().labelsDone());
                    rate.set(p.progress().labelsPerSecond());
                    return Behaviors.same();
                })
                .onMessage(Report.class, r -> {
                    if (ready.isEmpty()) {
                        ctx.getLog().info(last.map(PostProgressReport::line)
                                .orElse("PoST initialization starting (" + setup.init().totalLabels() + " labels)"));
                    }
                    return Behaviors.same();
                })
                .onMessage(InitEnded.class, this::onInitEnded)
                .onSignal(PostStop.class, s -> {
                    shutdownTask.cancel();
                    initEnded.complete(Done.getInstance());
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onAttachRemote(AttachRemote a) {
        if (!a.identity().equals(setup.init().nodeId())) {
            ctx.getLog().warn("a remote post service registered for {}, which is not this node's identity {}",
                    a.identity().hex(), setup.init().nodeId().hex());
        } else if (!remote.equals(Optional.of(a.prover()))) {
            remote.ifPresent(ctx::unwatch);
            remote = Optional.of(a.prover());
            ctx.watchWith(a.prover(), new RemoteGone(a.prover()));
            ctx.getLog().info("a remote post service proves for {} from now on", a.identity().hex());
        }
        return Behaviors.same();
    }

    private Behavior<Command> onInitEnded(InitEnded e) {
        if (e.outcome() instanceof PostSupervisor.Cancelled c) {
            ctx.getLog().info("PoST initialization paused at {} of {} labels ({}); the next start resumes from there",
                    c.labelsDone(), setup.init().totalLabels(),
                    String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * c.labelsDone() / setup.init().totalLabels()));
            initEnded.complete(Done.getInstance());
            return Behaviors.same();
        }
        initEnded.complete(Done.getInstance());
        if (e.outcome() instanceof PostSupervisor.Failed f) {
            throw new IllegalStateException("PoST initialization failed: " + f.reason());
        }
        PostMetadata metadata = ((PostSupervisor.Completed) e.outcome()).metadata();
        done.set(setup.init().totalLabels());
        ActorRef<ProvingWorker.Prove> prover = ctx.spawn(ProvingWorker.create(setup.provers(), metadata), "proving",
                DispatcherSelector.fromConfig(ProvingWorker.DISPATCHER));
        ctx.watch(prover);
        Ready r = new Ready(metadata, prover);
        ready = Optional.of(r);
        ctx.getLog().info("PoST data ready under {}: {} labels, VRF nonce {}", setup.dir(),
                setup.init().totalLabels(), metadata.nonce().orElseThrow());
        waiting.forEach(w -> w.tell(r));
        waiting.clear();
        return Behaviors.same();
    }
}
