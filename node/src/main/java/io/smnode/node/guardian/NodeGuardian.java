package io.smnode.node.guardian;

import io.prometheus.metrics.core.metrics.Gauge;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.LayerTick;
import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.net.Preset;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.poet.EmbeddedPoet;
import io.smnode.node.smeshing.Smeshing;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The root of the node's actor tree. It starts the components in dependency order (storage first, then the clock
 * and what listens to it) and watches them: a component that dies for good takes the node down through
 * CoordinatedShutdown, because carrying on without, say, the storage writer would only lose data quietly.
 */
public final class NodeGuardian extends AbstractBehavior<NodeGuardian.Command> {

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

    /** Reason given to CoordinatedShutdown when a vital child stops. */
    public static final class VitalChildStopped implements CoordinatedShutdown.Reason {
        @Override
        public String toString() {
            return "a vital component stopped";
        }
    }

    private final ActorRef<StorageActor.Command> storage;

    public static Behavior<Command> create(NodeServices services) {
        return Behaviors.setup(ctx -> new NodeGuardian(ctx, services));
    }

    private NodeGuardian(ActorContext<Command> ctx, NodeServices services) {
        super(ctx);
        announceShutdown(ctx);
        Optional<Long> lastLayer = services.store().get(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER);
        lastLayer.ifPresentOrElse(
                l -> ctx.getLog().info("resuming: the last layer this node saw was {}", l),
                () -> ctx.getLog().info("fresh data dir: no layer seen yet"));
        storage = ctx.spawn(StorageActor.create(services.store()), "storage",
                DispatcherSelector.fromConfig(StorageActor.DISPATCHER));
        ActorRef<ClockActor.Command> clock = ctx.spawn(ClockActor.create(services.layerClock(), services.wallClock()), "clock");
        Gauge layerGauge = Gauge.builder().name("smnode_layer").help("The current layer of the node's clock")
                .register(services.metrics());
        ActorRef<LayerTick> recorder = ctx.spawn(LayerRecorder.create(storage, layerGauge), "layer-recorder");
        clock.tell(new ClockActor.Subscribe(recorder));
        ctx.watch(storage);
        ctx.watch(clock);
        ctx.watch(recorder);
        Optional<ActorRef<PoetActor.Command>> poet = spawnEmbeddedPoet(ctx, services);
        spawnSmeshing(ctx, services, poet);
    }

    /**
     * The embedded PoET, when configured (spec 09; default on the standalone preset). Not watched: without it the
     * node still follows the chain, it only cannot register for the next epoch.
     */
    private static Optional<ActorRef<PoetActor.Command>> spawnEmbeddedPoet(ActorContext<Command> ctx,
                                                                           NodeServices services) {
        NodeConfig config = services.config();
        if (!config.poet().embedded()) {
            return Optional.empty();
        }
        return Optional.of(ctx.spawn(EmbeddedPoet.create(config.poet(), config.dataDir(), services.layerClock(),
                        Preset.byName(config.preset()).params().poet(), services.wallClock()),
                "poet", DispatcherSelector.fromConfig(PoetActor.DISPATCHER)));
    }

    /**
     * Building this node's ATXs, when configured (default on the standalone preset). Not watched either: a node
     * that cannot smesh still follows the chain. Its setup initializes PoST, hence the PoST dispatcher.
     */
    private static void spawnSmeshing(ActorContext<Command> ctx, NodeServices services,
                                      Optional<ActorRef<PoetActor.Command>> poet) {
        if (services.config().smeshing().enabled()) {
            ctx.spawn(Smeshing.create(services, poet), "smeshing", DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER));
        }
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

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(RequestShutdown.class, r -> {
                    getContext().getLog().info("shutdown requested: {}", r.why());
                    CoordinatedShutdown.get(getContext().getSystem()).runAll(new Requested(r.why()));
                    return this;
                })
                .onSignal(Terminated.class, t -> {
                    getContext().getLog().error("{} stopped unexpectedly; shutting the node down", t.getRef().path().name());
                    CoordinatedShutdown.get(getContext().getSystem()).runAll(new VitalChildStopped());
                    return this;
                })
                .onSignal(PostStop.class, s -> {
                    getContext().getLog().info("node stopped cleanly");
                    return this;
                })
                .build();
    }
}
