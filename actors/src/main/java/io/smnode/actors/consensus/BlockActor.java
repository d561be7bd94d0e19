package io.smnode.actors.consensus;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.Fetched;
import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.block.CertifyRule;
import io.smnode.mesh.pipeline.BlockCoordinator;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Handled;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.StoreTxLookup;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.store.MeshReads;
import java.time.Instant;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The block generator and certifier ({@link BlockCoordinator}): a hare output becomes a block (stored with the
 * output before the mesh and tortoise hear of it) or an optimistic execution; this node's eligible identities certify
 * it ({@code bc1}, through the gossip port and back into this actor's own intake); certify messages collect into
 * certificates; blocks fetched by id are checked and stored. Transactions are read from the store
 * ({@link StoreTxLookup}).
 */
public final class BlockActor {
    private static final int STASH = 10_000;

    public sealed interface Command {}

    /**
     * A layer's certificate fetched in sync ({@code lp/2}): checked, stored, and adopted as the layer's hare output
     * when the node has none; the verdict goes back to whoever fetched it (a reject drops the peer).
     */
    public record SyncedCertificate(LayerId layer, Bytes certificate, ActorRef<Verdict> replyTo) implements Command {}

    private record Gossip(GossipIn in) implements Command {}

    private record FetchedIn(Fetched fetched) implements Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private final BlockCoordinator blocks;
    private final StoredBeacons beacons;
    private final DecisionCarrier<Command> carrier;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(BlockActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new BlockActor(ctx, setup, ports, stash, timers).start(ctx, ports)));
        });
    }

    private BlockActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        MeshReads store = setup.meshReads();
        this.blocks = new BlockCoordinator(setup.config(), setup.signers(), setup.atxReads(), store,
                new StoreTxLookup(store));
        this.beacons = new StoredBeacons(setup.config(), store, blocks::onBeacon);
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
    }

    private Behavior<Command> start(ActorContext<Command> ctx, ConsensusPorts ports) {
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Event.class, e -> onEvent(e.event()))
                .onMessage(Gossip.class, g -> {
                    Handled h = blocks.onCertifyMessage(g.in().bytes());
                    return carrier.carryOut(h.decisions(), () -> g.in().replyTo().tell(h.verdict()));
                })
                .onMessage(SyncedCertificate.class, this::onSyncedCertificate)
                .onMessage(FetchedIn.class, f -> carrier.carryOut(blocks.onBlock(f.fetched().bytes(),
                        Optional.empty()).decisions()))
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.BLOCKS, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        ports.gossip().tell(new GossipPort.Register(Topic.CERTIFY, ctx.messageAdapter(GossipIn.class,
                Gossip::new)));
        ports.fetch().tell(new FetchPort.Register(Hint.BLOCK, ctx.messageAdapter(Fetched.class, FetchedIn::new)));
        return ready;
    }

    private Behavior<Command> onSyncedCertificate(SyncedCertificate c) {
        Certificate certificate;
        try {
            certificate = Scale.decode("Certificate", Certificate.CODEC, c.certificate().toByteArray());
        } catch (ScaleException e) {
            c.replyTo().tell(Verdict.reject(CertifyRule.MALFORMED, e.getMessage()));
            return Behaviors.same();
        }
        Handled h = blocks.onCertificate(c.layer(), certificate);
        return carrier.carryOut(h.decisions(), () -> c.replyTo().tell(h.verdict()));
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (event instanceof ConsensusEvent.Tick t) {
            beacons.forLayer(t.layer());
            blocks.onLayer(t.layer());
            return Behaviors.same();
        }
        if (event instanceof ConsensusEvent.EpochAtxs e) {
            blocks.onActiveSet(e.epoch(), e.atxs().stream().map(a -> a.id()).toList());
            return Behaviors.same();
        }
        Decision d = ((ConsensusEvent.HandOver) event).decision();
        if (d instanceof Decision.BeaconDecided b) {
            beacons.decided(b.epoch());
        }
        return carrier.carryOut(blocks.take(d));
    }
}
