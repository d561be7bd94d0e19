package io.smnode.actors.consensus;

import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.LayerTick;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.AtxReads;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.DecisionRouter;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.persistence.atx.LmdbAtxReads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;

/**
 * The consensus component: it spawns one actor per coordinator (tortoise, proposal handler, hare, block generator
 * and certifier, mesh, proposal builder, beacon, malfeasance) and the mempool, and is their router. Each hand-over
 * a component decides comes here ({@link Route}) and goes to the components the {@link DecisionRouter} names, in
 * its order — the same table {@code LocalPipeline} routes by. Layer starts fan out in the single-threaded
 * pipeline's order (beacon, tortoise, blocks, hare, builder, ...); the last layer of an epoch is preceded by the
 * next epoch's ATXs (the ATX handler's active set of that epoch with their facts; also those of the current epoch
 * after a start).
 *
 * <p>A component joins ({@link Join}) whenever it (re)starts, with the adapter its events go to; it is then caught
 * up with the epochs' ATXs and the current layer, so a component that restarted mid-layer carries on from its
 * rebuilt state. Events for a component that has not joined yet wait for it.
 */
public final class ConsensusActor {
    /** The order in which components hear of a layer start (as {@code LocalPipeline.onLayer} calls them). */
    static final List<Recipient> TICK_ORDER = List.of(Recipient.BEACON, Recipient.TORTOISE, Recipient.BLOCKS,
            Recipient.HARE, Recipient.BUILDER, Recipient.INTAKE, Recipient.MALFEASANCE, Recipient.MESH);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final int STASH = 10_000;
    /** Epochs whose ATXs are kept for components that join later. */
    private static final int KEEP_EPOCHS = 3;

    public sealed interface Command {}

    /** A component (re)started: its events go to {@code events} from now on. */
    public record Join(Recipient as, ActorRef<ConsensusEvent> events) implements Command {}

    /** A hand-over decided by a component, for the router. */
    public record Route(Decision decision) implements Command {}

    /** The proposal builder is done with its first layer since it (re)started. */
    public record BuilderReady() implements Command {}

    /**
     * The node's ATX sync stored the ATXs of earlier epochs (it joined late, or was away): every epoch from the first
     * with ballots to the current one is learnt again, so its components weigh the layers they sync with those ATXs
     * (and ballots parked for an ATX go round again).
     */
    public record AtxsSynced() implements Command {}

    /** A layer's certificate fetched in sync: handed to the block component, which answers the verdict. */
    public record SyncCertificate(LayerId layer, Bytes certificate, ActorRef<Verdict> replyTo) implements Command {}

    private record Layer(LayerTick tick) implements Command {}

    private record Learned(EpochId epoch, Optional<AtxHandlerActor.ActiveSet> set, String failure) implements Command {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final StashBuffer<Command> stash;
    private final LmdbAtxReads atxs;
    private final Map<Recipient, ActorRef<ConsensusEvent>> joined = new EnumMap<>(Recipient.class);
    private final Map<Recipient, List<ConsensusEvent>> waiting = new EnumMap<>(Recipient.class);
    private final TreeMap<EpochId, ConsensusEvent.EpochAtxs> epochs = new TreeMap<>();
    private Optional<ConsensusEvent.Tick> lastTick = Optional.empty();
    /** An epoch's active set is being asked for: layer starts wait behind it, in order. */
    private boolean learning;
    /** Epochs still to learn again after an ATX sync, in order. */
    private final ArrayDeque<EpochId> relearning = new ArrayDeque<>();
    private ActorRef<BlockActor.Command> blocks;
    private boolean builderReady;
    private boolean ready;

    public static Behavior<Command> create(ConsensusSetup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ConsensusActor.class);
            return Behaviors.withStash(STASH, stash -> new ConsensusActor(ctx, setup, stash).running());
        });
    }

    private ConsensusActor(ActorContext<Command> ctx, ConsensusSetup setup, StashBuffer<Command> stash) {
        this.ctx = ctx;
        this.setup = setup;
        this.stash = stash;
        this.atxs = setup.atxReads();
        spawnComponents();
        setup.clockActor().tell(new ClockActor.Subscribe(ctx.messageAdapter(LayerTick.class, Layer::new)));
    }

    /** Mempool first, the tortoise before those that ask it, hare before the builder that reports to it. */
    private void spawnComponents() {
        ComponentFactory f = setup.factory();
        ActorRef<Command> bus = ctx.getSelf();
        ConsensusPorts ports = new ConsensusPorts(setup.storage(), setup.gossip(), setup.fetch(), bus);
        ActorRef<MempoolActor.Command> mempool = f.spawn(ctx, ComponentNames.MEMPOOL, MempoolActor.Command.class,
                MempoolActor.create(setup, ports), Supervision.DEFAULT, Props.empty());
        ActorRef<TortoiseActor.Command> tortoise = f.spawn(ctx, ComponentNames.TORTOISE,
                TortoiseActor.Command.class, TortoiseActor.create(setup, ports), Supervision.DEFAULT, Props.empty());
        ActorRef<HareActor.Command> hare = f.spawn(ctx, ComponentNames.HARE, HareActor.Command.class,
                HareActor.create(setup, ports), Supervision.DEFAULT, Props.empty());
        f.spawn(ctx, ComponentNames.PROPOSAL_HANDLER, ProposalHandlerActor.Command.class,
                ProposalHandlerActor.create(setup, ports, tortoise), Supervision.DEFAULT, Props.empty());
        // Its VRF work (an epoch's eligibility proofs) is CPU-bound: on the check workers' pool.
        f.spawn(ctx, ComponentNames.PROPOSAL_BUILDER, ProposalBuilderActor.Command.class,
                ProposalBuilderActor.create(setup, ports, tortoise, mempool, hare), Supervision.DEFAULT,
                DispatcherSelector.fromConfig(ProposalCheckWorker.DISPATCHER));
        blocks = f.spawn(ctx, ComponentNames.BLOCKS, BlockActor.Command.class, BlockActor.create(setup, ports),
                Supervision.DEFAULT, Props.empty());
        f.spawn(ctx, ComponentNames.MESH, MeshActor.Command.class, MeshActor.create(setup, ports, mempool),
                Supervision.DEFAULT, Props.empty());
        f.spawn(ctx, ComponentNames.BEACON, BeaconActor.Command.class, BeaconActor.create(setup, ports),
                Supervision.DEFAULT, Props.empty());
        f.spawn(ctx, ComponentNames.MALFEASANCE, MalfeasanceActor.Command.class,
                MalfeasanceActor.create(setup, ports), Supervision.DEFAULT, Props.empty());
    }

    private Behavior<Command> running() {
        return Behaviors.receive(Command.class)
                .onMessage(Join.class, this::onJoin)
                .onMessage(Route.class, r -> {
                    for (Recipient to : DecisionRouter.recipients(r.decision())) {
                        send(to, new ConsensusEvent.HandOver(r.decision()));
                    }
                    return Behaviors.same();
                })
                .onMessage(Layer.class, l -> {
                    if (learning) {
                        stash.stash(l); // behind the layer whose epoch is being learnt
                        return Behaviors.same();
                    }
                    return onLayer(l);
                })
                .onMessage(Learned.class, this::onLearned)
                .onMessage(AtxsSynced.class, a -> onAtxsSynced())
                .onMessage(SyncCertificate.class, c -> {
                    blocks.tell(new BlockActor.SyncedCertificate(c.layer(), c.certificate(), c.replyTo()));
                    return Behaviors.same();
                })
                .onMessage(BuilderReady.class, b -> {
                    builderReady = true;
                    checkReady();
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onJoin(Join j) {
        joined.put(j.as(), j.events());
        List<ConsensusEvent> queued = waiting.remove(j.as());
        if (queued != null) {
            queued.forEach(j.events()::tell); // everything since this actor started, in order
        } else {
            epochs.values().forEach(j.events()::tell); // a restarted component: where the node is
            lastTick.ifPresent(j.events()::tell);
        }
        checkReady();
        return Behaviors.same();
    }

    /** Every component rebuilt and joined, and the builder through its first layer: the node runs. */
    private void checkReady() {
        if (!ready && builderReady && joined.size() == Recipient.values().length) {
            ready = true;
            ctx.getLog().info("consensus ready at layer {}", lastTick.map(t -> t.layer().value()).orElse(0L));
            setup.onReady().run();
        }
    }

    /** A layer start: the epochs it needs learnt first (the layer's, and the one hare's committee uses). */
    private Behavior<Command> onLayer(Layer l) {
        LayerId layer = l.tick().layer();
        TreeSet<EpochId> needed = new TreeSet<>();
        EpochId epoch = setup.config().epochOf(layer);
        needed.add(epoch);
        setup.config().hareEpoch(layer).ifPresent(needed::add);
        if (setup.layers().ordinal(layer) == setup.config().layersPerEpoch() - 1) {
            // The next epoch's active set is fixed at the last layer before it (its ATXs were published in this
            // epoch), so the builder can prepare its eligibility before the epoch's first layer.
            needed.add(epoch.next());
        }
        needed.removeAll(epochs.keySet());
        if (!needed.isEmpty()) {
            learning = true;
            learn(needed.first());
            stash.stash(l);
            return Behaviors.same();
        }
        ConsensusEvent.Tick tick = new ConsensusEvent.Tick(layer, setup.layers().layerStart(layer));
        lastTick = Optional.of(tick);
        for (Recipient r : TICK_ORDER) {
            send(r, tick);
        }
        return Behaviors.same();
    }

    private Behavior<Command> onAtxsSynced() {
        if (lastTick.isEmpty()) {
            return Behaviors.same(); // no layer yet: each epoch is learnt when its first layer starts
        }
        EpochId first = setup.config().epochOf(setup.config().effectiveGenesis().add(1));
        EpochId current = setup.config().epochOf(lastTick.get().layer());
        for (EpochId e = first; e.compareTo(current) <= 0; e = e.next()) {
            if (!relearning.contains(e)) {
                relearning.add(e);
            }
        }
        ctx.getLog().info("ATXs synced: epochs {} to {} learnt again", first.value(), current.value());
        if (!learning && !relearning.isEmpty()) {
            learning = true;
            learn(relearning.poll());
        }
        return Behaviors.same();
    }

    private void learn(EpochId epoch) {
        ctx.ask(AtxHandlerActor.ActiveSet.class, setup.atxHandler(), ASK_TIMEOUT,
                to -> new AtxHandlerActor.GetActiveSet(epoch, to),
                (set, failure) -> new Learned(epoch, Optional.ofNullable(set), String.valueOf(failure)));
    }

    private Behavior<Command> onLearned(Learned l) {
        if (l.set().isEmpty()) {
            ctx.getLog().warn("no active set of epoch {} from the ATX handler yet ({}); asking again",
                    l.epoch().value(), l.failure());
            learn(l.epoch());
            return Behaviors.same();
        }
        List<AtxReads.Atx> facts = new ArrayList<>();
        for (AtxId id : l.set().get().atxs()) {
            atxs.atx(id).ifPresent(facts::add);
        }
        ConsensusEvent.EpochAtxs event = new ConsensusEvent.EpochAtxs(l.epoch(), facts);
        epochs.put(l.epoch(), event);
        while (epochs.size() > KEEP_EPOCHS) {
            epochs.pollFirstEntry();
        }
        ctx.getLog().info("epoch {}: {} ATX(s) in the active set", l.epoch().value(), facts.size());
        for (Recipient r : Recipient.values()) {
            send(r, event);
        }
        if (!relearning.isEmpty()) {
            learn(relearning.poll());
            return Behaviors.same();
        }
        learning = false;
        return stash.unstashAll(running());
    }

    private void send(Recipient to, ConsensusEvent event) {
        ActorRef<ConsensusEvent> ref = joined.get(to);
        if (ref != null) {
            ref.tell(event);
        } else {
            waiting.computeIfAbsent(to, r -> new ArrayList<>()).add(event);
        }
    }
}
