package io.smnode.node.guardian;

import io.smnode.actors.atx.AtxGossip;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.cluster.PostInitCoordinator;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.GossipNetwork;
import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.node.component.ActivationComponent;
import io.smnode.node.component.ApiComponent;
import io.smnode.node.component.ClockComponent;
import io.smnode.node.component.ConsensusComponent;
import io.smnode.node.component.P2pComponent;
import io.smnode.node.component.PoetComponent;
import io.smnode.node.component.SharedRandomX;
import io.smnode.node.component.SmeshingComponent;
import io.smnode.node.component.StorageComponent;
import io.smnode.node.network.NetworkEdge;
import io.smnode.node.smeshing.NodeKeys;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The root of the node's actor tree. It only composes the components — storage first, then the clock, the embedded
 * PoET, activation, (when configured) smeshing, consensus, (unless a lone node) p2p and the API — each spawned by
 * its component class through the one {@link ComponentFactory}, and watches them all. A component that dies for
 * good (its supervisor gave up) takes the node down through CoordinatedShutdown with one log line saying which
 * component and why: carrying on without it, say without the storage writer, would only lose data quietly.
 */
public final class NodeGuardian {

    public sealed interface Command {}

    /** Stop the node gracefully (what SIGTERM does), e.g. on an operator's request through the API. */
    public record RequestShutdown(String why) implements Command {}

    /** Reason given to CoordinatedShutdown for a requested stop. */
    public static final class Requested implements CoordinatedShutdown.Reason {
        private final String why;

        Requested(String why) {
            this.why = why;
        }

        @Override
        public String toString() {
            return "requested: " + why;
        }
    }

    /** Reason given to CoordinatedShutdown when a component stopped for good. */
    public static final class ComponentFailed implements CoordinatedShutdown.Reason {
        private final String component;
        private final String why;

        ComponentFailed(String component, String why) {
            this.component = component;
            this.why = why;
        }

        @Override
        public String toString() {
            return "component " + component + " failed: " + why;
        }
    }

    private NodeGuardian() {}

    public static Behavior<Command> create(NodeServices services) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(NodeGuardian.class);
            announceShutdown(ctx);
            services.store().get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER).ifPresentOrElse(
                    l -> ctx.getLog().info("resuming: the last layer this node saw was {}", l),
                    () -> ctx.getLog().info("fresh data dir: no layer seen yet"));
            compose(ctx, services);
            return running(ctx);
        });
    }

    /**
     * The root of one member of a cluster: it composes the member's roles ({@link MemberRoles}). With the consensus
     * role, the whole node as {@link #create} composes it runs as the cluster singleton of role consensus on this
     * member (the one that holds the data dir): every component added to {@link #compose} joins it by itself.
     */
    public static Behavior<Command> member(ClusterMember member) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(NodeGuardian.class);
            if (member.consensus().isEmpty()) {
                announceShutdown(ctx); // the consensus singleton announces it where there is one
            }
            MemberRoles.compose(ctx, member);
            return running(ctx);
        });
    }

    /** The components, in dependency order. */
    private static void compose(ActorContext<Command> ctx, NodeServices services) {
        ComponentFactory factory = services.components();
        ActorRef<StorageActor.Command> storage = StorageComponent.start(ctx, factory, services.store());
        ActorRef<ClockActor.Command> clock = ClockComponent.start(ctx, factory, services, storage);
        Optional<ActorRef<PoetActor.Command>> poet = PoetComponent.start(ctx, factory, services);
        SharedRandomX randomX = new SharedRandomX();
        List<EdSigner> signers = services.config().smeshing().enabled() ? identities(services) : List.of();
        Optional<EdSigner> identity = signers.stream().findFirst();
        // The K3 subset checked on receipt is seeded by a local secret (the reference: the peer id).
        Bytes seed = identity.map(s -> Bytes.of(s.nodeId().toByteArray())).orElseGet(() -> randomSeed());
        ActorRef<AtxHandlerActor.Command> atxs = ActivationComponent.start(ctx, factory, services, storage, seed);
        // The network edge exists before the host: the ports and the ATX publisher are made with it.
        Optional<NetworkEdge> edge = services.config().p2p().enabled()
                ? Optional.of(new NetworkEdge(services.wallClock(), services.layerClock())) : Optional.empty();
        if (!signers.isEmpty()) {
            SmeshingComponent.start(ctx, factory, services, signers, storage, atxs, poet, randomX,
                    edge.<AtxGossip>map(e -> e).orElse(AtxGossip.NONE));
        }
        ConsensusComponent.Started ports = ConsensusComponent.start(ctx, factory, services, storage, clock, atxs,
                signers, edge.<GossipNetwork>map(e -> e).orElse(GossipNetwork.NONE),
                edge.<FetchNetwork>map(e -> e).orElse(FetchNetwork.NONE));
        edge.ifPresentOrElse(e -> P2pComponent.start(ctx, factory, services, e, ports, atxs, storage),
                () -> ctx.getLog().info("p2p off: a lone node (smnode.p2p.enabled)"));
        ApiComponent.start(ctx, factory, services, identity.map(EdSigner::nodeId), ports.gossip());
        if (services.config().cluster().enabled()) {
            // Post members pull PoST initialization from here (label ranges; their data stays on their disks).
            factory.spawn(ctx, ComponentNames.POST_COORDINATOR, PostInitCoordinator.Command.class,
                    PostInitCoordinator.create(), Supervision.DEFAULT, Props.empty());
        }
    }

    private static List<EdSigner> identities(NodeServices services) {
        return NodeKeys.identities(services.config(), Bytes.of(services.genesis().genesisId().toByteArray()),
                services.config().smeshing().identities());
    }

    private static Bytes randomSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return Bytes.wrap(seed);
    }

    private static Behavior<Command> running(ActorContext<Command> ctx) {
        return Behaviors.receive(Command.class)
                .onMessage(RequestShutdown.class, r -> {
                    ctx.getLog().info("shutdown requested: {}", r.why());
                    CoordinatedShutdown.get(ctx.getSystem()).runAll(new Requested(r.why()));
                    return Behaviors.same();
                })
                .onSignal(ChildFailed.class, f -> componentGone(ctx, f.getRef().path().name(), oneLine(f.cause())))
                .onSignal(Terminated.class, t -> componentGone(ctx, t.getRef().path().name(), "it stopped"))
                .onSignal(PostStop.class, s -> {
                    ctx.getLog().info("node stopped cleanly");
                    return Behaviors.same();
                })
                .build();
    }

    /** Once the node is stopping, components stop too: only a death before that is a failure. */
    private static Behavior<Command> componentGone(ActorContext<Command> ctx, String component, String why) {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(ctx.getSystem());
        if (shutdown.getShutdownReason().isEmpty()) {
            ctx.getLog().error("component {} failed for good: {}; the node stops", component, why);
            shutdown.runAll(new ComponentFailed(component, why));
        }
        return Behaviors.same();
    }

    private static String oneLine(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * CoordinatedShutdown is a lazy extension: touching it here installs its JVM hook, so SIGTERM runs the phases
     * (stop intake, stop actors, close storage) instead of the JVM just exiting under them.
     */
    private static void announceShutdown(ActorContext<Command> ctx) {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(ctx.getSystem());
        org.slf4j.Logger log = ctx.getLog();
        shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "announce-stop", () -> {
            log.info("stopping ({})", shutdown.getShutdownReason().map(Object::toString).orElse("unknown reason"));
            return CompletableFuture.completedFuture(Done.getInstance());
        });
    }
}
