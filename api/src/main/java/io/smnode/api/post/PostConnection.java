package io.smnode.api.post;

import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.api.ApiMetrics;
import io.smnode.api.grpc.GrpcErrors;
import io.smnode.core.types.NodeId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import spacemesh.v1.Metadata;
import spacemesh.v1.ServiceResponse;

/**
 * One registered post service (v1 PostService.Register), as the reference runs it: the node asks for the metadata
 * first and claims the identity it names (one stream per identity); it then sends the proof requests the node's PoST
 * component forwards to it, one at a time, asking again every {@link #ASK_AGAIN} while the service answers "still
 * proving", and accepts a proof only for the challenge it asked. It attaches itself to the PoST component of that
 * identity (found through the receptionist, repeated every {@link #REATTACH} so that a restarted component learns it
 * again). When the stream ends, waiting askers are told, and the PoST component proves locally again.
 */
public final class PostConnection {
    /** The reference's query interval. */
    public static final Duration ASK_AGAIN = Duration.ofSeconds(2);
    static final Duration REATTACH = Duration.ofSeconds(10);

    public sealed interface Command {}

    /** A message from the post service. */
    record Received(ServiceResponse response) implements Command {}

    /** The post service's side of the stream ended (a failure when {@code why} is present). */
    record StreamEnded(Optional<String> why) implements Command {}

    private record Asked(ProvingWorker.Prove prove) implements Command {}

    private record Claimed(boolean granted) implements Command {}

    private record AskAgain() implements Command {}

    private record Reattach() implements Command {}

    private record PostComponents(Set<ActorRef<PostServiceActor.Command>> instances) implements Command {}

    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final ActorRef<Outgoing> out;
    private final ActorRef<PostRegistry.Command> registry;
    private final ApiMetrics metrics;
    private final Queue<ProvingWorker.Prove> queued = new ArrayDeque<>();
    private NodeId identity;
    private ActorRef<ProvingWorker.Prove> prover;
    private Set<ActorRef<PostServiceActor.Command>> postComponents = Set.of();
    private Optional<ProvingWorker.Prove> asked = Optional.empty();
    private boolean outEnded;

    static Behavior<Command> create(ActorRef<Outgoing> out, ActorRef<PostRegistry.Command> registry,
                                    ApiMetrics metrics) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ctx.setLoggerName(PostConnection.class);
            ctx.watchWith(out, new StreamEnded(Optional.of("the stream to the post service closed")));
            out.tell(new Outgoing.Send(RemoteProofs.metadataRequest()));
            return new PostConnection(ctx, timers, out, registry, metrics).awaitingMetadata();
        }));
    }

    private PostConnection(ActorContext<Command> ctx, TimerScheduler<Command> timers, ActorRef<Outgoing> out,
                           ActorRef<PostRegistry.Command> registry, ApiMetrics metrics) {
        this.metrics = metrics;
        this.ctx = ctx;
        this.timers = timers;
        this.out = out;
        this.registry = registry;
    }

    private Behavior<Command> awaitingMetadata() {
        return Behaviors.receive(Command.class)
                .onMessage(Received.class, r -> {
                    if (!r.response().hasMetadata() || !r.response().getMetadata().hasMeta()) {
                        return refuse(GrpcErrors.invalidArgument("expected a metadata response first, got "
                                + r.response().getKindCase()));
                    }
                    Metadata meta = r.response().getMetadata().getMeta();
                    if (meta.getNodeId().size() != NodeId.LENGTH) {
                        return refuse(GrpcErrors.invalidArgument("the metadata's node_id must be 32 bytes, got "
                                + meta.getNodeId().size()));
                    }
                    identity = NodeId.of(meta.getNodeId().toByteArray());
                    ctx.ask(PostRegistry.ClaimAnswer.class, registry, Duration.ofSeconds(3),
                            to -> new PostRegistry.Claim(identity, ctx.getSelf(), to),
                            (answer, failure) -> new Claimed(answer != null && answer.granted()));
                    return claiming();
                })
                .onMessage(StreamEnded.class, e -> Behaviors.stopped())
                .onSignal(PostStop.class, s -> closeOut())
                .build();
    }

    private Behavior<Command> claiming() {
        return Behaviors.receive(Command.class)
                .onMessage(Claimed.class, c -> {
                    if (!c.granted()) {
                        return refuse(GrpcErrors.alreadyExists("post service already registered"));
                    }
                    ctx.getLog().info("post service registered for {}", identity.hex());
                    prover = ctx.spawn(forwarder(ctx.getSelf()), "prover");
                    ctx.getSystem().receptionist().tell(Receptionist.subscribe(PostServiceActor.KEY,
                            ctx.messageAdapter(Receptionist.Listing.class,
                                    l -> new PostComponents(l.getServiceInstances(PostServiceActor.KEY)))));
                    timers.startTimerWithFixedDelay(new Reattach(), REATTACH);
                    return serving();
                })
                .onMessage(StreamEnded.class, e -> Behaviors.stopped())
                .onSignal(PostStop.class, s -> closeOut())
                .build();
    }

    private Behavior<Command> serving() {
        return Behaviors.receive(Command.class)
                .onMessage(PostComponents.class, p -> {
                    postComponents = p.instances();
                    attach();
                    return Behaviors.same();
                })
                .onMessage(Reattach.class, r -> {
                    attach();
                    return Behaviors.same();
                })
                .onMessage(Asked.class, a -> {
                    queued.add(a.prove());
                    askNext();
                    return Behaviors.same();
                })
                .onMessage(AskAgain.class, a -> {
                    asked.ifPresent(p -> out.tell(new Outgoing.Send(RemoteProofs.proofRequest(p.challenge()))));
                    return Behaviors.same();
                })
                .onMessage(Received.class, this::onAnswer)
                .onMessage(StreamEnded.class, e -> {
                    ctx.getLog().info("post service for {} left: {}", identity.hex(), e.why().orElse("it closed"));
                    return Behaviors.stopped();
                })
                .onSignal(PostStop.class, s -> {
                    asked.ifPresent(p -> queued.add(p));
                    queued.forEach(p -> {
                        p.replyTo().tell(new ProvingWorker.Failed(p.challenge(), "the post service disconnected"));
                        metrics.postProofs.labelValues("disconnected").inc();
                    });
                    return closeOut();
                })
                .build();
    }

    private Behavior<Command> onAnswer(Received r) {
        if (asked.isEmpty() || !r.response().hasGenProof()) {
            ctx.getLog().warn("post service for {} sent {} unasked; ignored", identity.hex(),
                    r.response().getKindCase());
            return Behaviors.same();
        }
        ProvingWorker.Prove prove = asked.get();
        RemoteProofs.Outcome outcome = RemoteProofs.read(prove.challenge(), r.response().getGenProof());
        if (outcome instanceof RemoteProofs.StillProving) {
            timers.startSingleTimer(new AskAgain(), ASK_AGAIN);
            return Behaviors.same();
        }
        if (outcome instanceof RemoteProofs.Proven p) {
            ctx.getLog().info("PoST proof for challenge {} made by the remote post service", prove.challenge().hex());
            prove.replyTo().tell(new ProvingWorker.Proven(prove.challenge(), p.post()));
            metrics.postProofs.labelValues("proven").inc();
        } else {
            String why = ((RemoteProofs.Refused) outcome).why();
            ctx.getLog().warn("post service for {}: {}", identity.hex(), why);
            prove.replyTo().tell(new ProvingWorker.Failed(prove.challenge(), why));
            metrics.postProofs.labelValues("refused").inc();
        }
        asked = Optional.empty();
        registry.tell(new PostRegistry.Proving(identity, false));
        askNext();
        return Behaviors.same();
    }

    private void askNext() {
        if (asked.isEmpty() && !queued.isEmpty()) {
            asked = Optional.of(queued.poll());
            registry.tell(new PostRegistry.Proving(identity, true));
            out.tell(new Outgoing.Send(RemoteProofs.proofRequest(asked.get().challenge())));
        }
    }

    private void attach() {
        postComponents.forEach(p -> p.tell(new PostServiceActor.AttachRemote(identity, prover)));
    }

    private Behavior<Command> refuse(org.apache.pekko.grpc.GrpcServiceException error) {
        ctx.getLog().warn("post service refused: {}", error.getStatus().getDescription());
        out.tell(new Outgoing.Fail(error));
        outEnded = true;
        return Behaviors.stopped();
    }

    private Behavior<Command> closeOut() {
        if (!outEnded) {
            out.tell(new Outgoing.Close());
        }
        return Behaviors.same();
    }

    /** The ref the PoST component sends proof requests to: it lives and dies with this connection. */
    private static Behavior<ProvingWorker.Prove> forwarder(ActorRef<Command> connection) {
        return Behaviors.receiveMessage(p -> {
            connection.tell(new Asked(p));
            return Behaviors.same();
        });
    }
}
