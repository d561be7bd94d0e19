package io.smnode.actors.consensus;

import io.smnode.actors.clock.ClockTime;
import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.LayerId;
import io.smnode.hare.IterRound;
import io.smnode.hare.Round;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Handled;
import io.smnode.mesh.pipeline.HareCoordinator;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.store.MeshReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Hare ({@link HareCoordinator}): one session per layer, its rounds on timers, {@code /h/3.0} messages from the
 * gossip port; the agreed proposals go to the block generator, the weak coin (stored first) to the tortoise. The
 * sessions live inside the coordinator rather than in one child actor per layer: the coordinator is the same
 * session driver the simulator runs, a session is a small state machine whose rounds are cheap next to their
 * timers, and one owner keeps the initial set, beacons, active sets and malicious identities in one place.
 *
 * <p>Two waits keep the actor to the single-threaded pipeline's order: a layer whose beacon or active set is not
 * known yet at its start gets its session when they arrive (a beacon decided at the same layer start), and a layer's
 * preround waits until this node's own proposals of the layer are stored ({@link OwnProposalsDone}, at most until
 * three quarters of the layer have passed), so that hare's initial set never misses them to a race between actors.
 */
public final class HareActor {
    private static final int STASH = 10_000;

    public sealed interface Command {}

    /** The proposal builder is done with {@code layer}: this node's proposals of it (if any) are stored. */
    public record OwnProposalsDone(LayerId layer) implements Command {}

    private record Gossip(GossipIn in) implements Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private record PreroundDeadline(LayerId layer) implements Command {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final PipelineConfig config;
    private final MeshReads store;
    private final DecisionCarrier<Command> carrier;
    private final TimerScheduler<Command> timers;
    private final HareCoordinator hare;
    private final StoredBeacons beacons;
    /** Layers whose own proposals are stored, and layers whose preround waits for them. */
    private final TreeSet<LayerId> ownDone = new TreeSet<>();
    private final TreeSet<LayerId> preroundWaiting = new TreeSet<>();
    /** The current layer's start when its session could not start yet. */
    private Optional<ConsensusEvent.Tick> deferred = Optional.empty();

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(HareActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new HareActor(ctx, setup, ports, stash, timers).start(ports)));
        });
    }

    private HareActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.config = setup.config();
        this.store = setup.meshReads();
        this.timers = timers;
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        this.hare = new HareCoordinator(config, setup.signers(), setup.atxReads(), store);
        store.malfeasance().forEach(m -> hare.onMalicious(m.offender()));
        this.beacons = new StoredBeacons(config, store, hare::onBeacon);
    }

    private Behavior<Command> start(ConsensusPorts ports) {
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Event.class, e -> onEvent(e.event()))
                .onMessage(Gossip.class, g -> {
                    Handled h = hare.onMessage(g.in().bytes());
                    return carrier.carryOut(h.decisions(), () -> g.in().replyTo().tell(h.verdict()));
                })
                .onMessage(Fired.class, f -> carrier.due(f.timer(), f.at())
                        ? onTimer(((Timer.HareRound) f.timer()).layer()) : Behaviors.same())
                .onMessage(OwnProposalsDone.class, o -> {
                    ownDone.add(o.layer());
                    return preroundWaiting.remove(o.layer()) ? round(o.layer()) : Behaviors.same();
                })
                .onMessage(PreroundDeadline.class, d -> {
                    if (!preroundWaiting.contains(d.layer())) {
                        return Behaviors.same();
                    }
                    Duration rest = ClockTime.until(setup.clock(), deadline(d.layer()));
                    if (!rest.isZero()) { // the node's clock stood still meanwhile (test mode)
                        timers.startSingleTimer("preround-" + d.layer().value(), d, rest);
                        return Behaviors.same();
                    }
                    preroundWaiting.remove(d.layer());
                    ctx.getLog().warn("hare: layer {} starts its preround without word of this node's proposals",
                            d.layer().value());
                    return round(d.layer());
                })
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.HARE, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        ports.gossip().tell(new GossipPort.Register(Topic.HARE, ctx.messageAdapter(GossipIn.class, Gossip::new)));
        return ready;
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (event instanceof ConsensusEvent.Tick t) {
            LayerId horizon = t.layer().sub(Math.min(t.layer().value(), config.keepLayers()));
            ownDone.headSet(horizon).clear();
            preroundWaiting.headSet(horizon).clear();
            deferred = Optional.empty();
            beacons.forLayer(t.layer());
            return startSession(t);
        }
        if (event instanceof ConsensusEvent.EpochAtxs e) {
            hare.onActiveSet(e.epoch(), e.atxs().stream().map(a -> a.id()).toList());
            return deferred.map(this::startSession).orElse(Behaviors.same());
        }
        Decision d = ((ConsensusEvent.HandOver) event).decision();
        List<Decision> out = hare.take(d);
        if (d instanceof Decision.BeaconDecided b) {
            beacons.decided(b.epoch());
            if (deferred.isPresent()) {
                return carrier.carryOut(out, () -> ctx.getSelf().tell(new Event(deferred.get())));
            }
        }
        return carrier.carryOut(out);
    }

    /** The layer's session, or a wait for what it lacks (beacon, active set) when it should have one. */
    private Behavior<Command> startSession(ConsensusEvent.Tick t) {
        LayerId layer = t.layer();
        List<Decision> out = new ArrayList<>(hare.onLayer(layer, t.start()));
        if (hare.session(layer).isEmpty() && runsIn(layer)) {
            deferred = Optional.of(t);
            out.removeIf(d -> d instanceof Decision.Log); // said once it starts or the layer ends
        } else {
            deferred = Optional.empty();
        }
        return carrier.carryOut(out);
    }

    private boolean runsIn(LayerId layer) {
        return layer.compareTo(config.effectiveGenesis()) > 0 && layer.compareTo(config.hareEnable()) >= 0
                && layer.compareTo(config.hareDisable()) < 0 && store.hareOutput(layer).isEmpty();
    }

    /** A round is due; a preround waits for this node's own proposals of the layer. */
    private Behavior<Command> onTimer(LayerId layer) {
        boolean preround = hare.session(layer).map(s -> s.current().equals(IterRound.of(0, Round.PREROUND)))
                .orElse(false);
        if (preround && !ownDone.contains(layer) && !setup.signers().isEmpty()) {
            preroundWaiting.add(layer);
            timers.startSingleTimer("preround-" + layer.value(), new PreroundDeadline(layer),
                    ClockTime.until(setup.clock(), deadline(layer)));
            return Behaviors.same();
        }
        return round(layer);
    }

    /** The latest a layer's preround waits for this node's own proposals: three quarters into the layer. */
    private Instant deadline(LayerId layer) {
        return setup.layers().layerStart(layer).plus(setup.layers().layerDuration().multipliedBy(3).dividedBy(4));
    }

    private Behavior<Command> round(LayerId layer) {
        setup.gauges().hareRounds().inc();
        List<Decision> out = hare.onRoundTimer(layer);
        if (out.stream().anyMatch(d -> d instanceof Decision.HareOutput)) {
            setup.gauges().hareOutputs().inc();
        }
        return carrier.carryOut(out);
    }
}
