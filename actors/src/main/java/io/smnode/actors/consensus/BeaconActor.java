package io.smnode.actors.consensus;

import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.mesh.pipeline.BeaconCoordinator;
import io.smnode.mesh.pipeline.Handled;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.store.MeshReads;
import io.smnode.persistence.atx.LmdbAtxReads;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The beacon ({@link BeaconCoordinator}): the genesis beacon of the first epoch (devnets), the protocol of each
 * epoch where it is on (its messages through the gossip port, its phases on timers), the fallback from ballots.
 * Each decided beacon is stored before the others hear of it. A restart within an epoch runs its protocol again from
 * the epoch's start (alone, it reaches the beacon it would have).
 */
public final class BeaconActor {
    private static final int STASH = 10_000;
    private static final List<Topic> TOPICS = List.of(Topic.BEACON_PROPOSAL, Topic.BEACON_FIRST_VOTES,
            Topic.BEACON_FOLLOWING_VOTES, Topic.BEACON_WEAK_COIN);

    public sealed interface Command {}

    private record Gossip(GossipIn in) implements Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(BeaconActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(timers -> start(ctx, setup, ports,
                    stash, timers)));
        });
    }

    private static Behavior<Command> start(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        MeshReads store = setup.meshReads();
        LmdbAtxReads atxs = setup.atxReads();
        BeaconCoordinator beacon = new BeaconCoordinator(setup.config(), setup.signers(), atxs, store,
                epoch -> new StoredMiners(epoch, atxs, store, setup.layers()), setup.layers()::layerStart,
                setup.genesisBeacon());
        DecisionCarrier<Command> carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers,
                Command.class, Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Gossip.class, g -> {
                    Handled h = beacon.onMessage(g.in().topic(), g.in().bytes(), setup.clock().instant());
                    return carrier.carryOut(h.decisions(), () -> g.in().replyTo().tell(h.verdict()));
                })
                .onMessage(Fired.class, f -> carrier.due(f.timer(), f.at()) ? carrier.carryOut(beacon.onTimer(
                        ((Timer.BeaconStep) f.timer()).epoch(), setup.clock().instant())) : Behaviors.same())
                .onMessage(Event.class, e -> {
                    if (e.event() instanceof ConsensusEvent.Tick t) {
                        return carrier.carryOut(beacon.onLayer(t.layer(), setup.synced().getAsBoolean()));
                    }
                    if (e.event() instanceof ConsensusEvent.HandOver h) {
                        return carrier.carryOut(beacon.take(h.decision()));
                    }
                    return Behaviors.same();
                })
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.BEACON, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        ActorRef<GossipIn> intake = ctx.messageAdapter(GossipIn.class, Gossip::new);
        TOPICS.forEach(t -> ports.gossip().tell(new GossipPort.Register(t, intake)));
        return ready;
    }
}
