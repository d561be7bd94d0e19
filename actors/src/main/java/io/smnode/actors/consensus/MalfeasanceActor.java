package io.smnode.actors.consensus;

import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.pipeline.Handled;
import io.smnode.mesh.pipeline.MalfeasanceCoordinator;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Malfeasance ({@link MalfeasanceCoordinator}): proofs from gossip ({@code mp1}) and those this node's tortoise and
 * hare found; the first valid proof against an identity is stored, then the identity is marked malicious for the
 * tortoise and hare (through the router) and a proof found here is gossiped. Rebuilt from the stored proofs.
 */
public final class MalfeasanceActor {
    private static final int STASH = 1_000;

    public sealed interface Command {}

    private record Gossip(GossipIn in) implements Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(MalfeasanceActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(timers -> start(ctx, setup, ports,
                    stash, timers)));
        });
    }

    private static Behavior<Command> start(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        Set<NodeId> known = new HashSet<>();
        setup.meshReads().malfeasance().forEach(m -> known.add(m.offender()));
        MalfeasanceCoordinator malfeasance = new MalfeasanceCoordinator(setup.config(), known);
        DecisionCarrier<Command> carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers,
                Command.class, Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Gossip.class, g -> {
                    Handled h = malfeasance.onGossip(g.in().bytes());
                    return carrier.carryOut(h.decisions(), () -> g.in().replyTo().tell(h.verdict()));
                })
                .onMessage(Event.class, e -> {
                    if (e.event() instanceof ConsensusEvent.Tick t) {
                        malfeasance.onLayer(t.layer());
                        return Behaviors.same();
                    }
                    if (e.event() instanceof ConsensusEvent.HandOver h) {
                        return carrier.carryOut(malfeasance.take(h.decision()));
                    }
                    return Behaviors.same();
                })
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.MALFEASANCE, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        ports.gossip().tell(new GossipPort.Register(Topic.MALFEASANCE, ctx.messageAdapter(GossipIn.class,
                Gossip::new)));
        return ready;
    }
}
