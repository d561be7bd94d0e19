package io.smnode.actors.consensus;

import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.ProposalBuilder;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.tortoise.EncodeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The proposal builder ({@link ProposalBuilder}): at each layer start, which of this node's identities are
 * eligible; for them the votes from the tortoise, the mesh hash and the mempool's transactions, then a signed ballot
 * and proposal each, published through the gossip port — whose answer is this node's own intake's verdict, given
 * once the proposal is stored. Then hare hears the layer's own proposals are in ({@link HareActor.OwnProposalsDone}).
 * A layer whose beacon or active set is not known at its start waits for them (until the next layer starts).
 */
public final class ProposalBuilderActor {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
    /** Checks, the tortoise and two commits: well within a layer. */
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(30);
    private static final int STASH = 1_000;

    public sealed interface Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Voted(LayerId layer, List<ProposalBuilder.Eligible> eligible, TortoiseActor.Votes votes)
            implements Command {}

    private record Picked(LayerId layer, List<ProposalBuilder.Eligible> eligible, TortoiseActor.Votes votes,
            MempoolActor.TxPick txs) implements Command {}

    private record Published(LayerId layer, BallotId ballot, Verdict verdict) implements Command {}

    private record Failed(LayerId layer, String why) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final ConsensusPorts ports;
    private final ActorRef<TortoiseActor.Command> tortoise;
    private final ActorRef<MempoolActor.Command> mempool;
    private final ActorRef<HareActor.Command> hare;
    private final MeshReads store;
    private final ProposalBuilder builder;
    private final StoredBeacons beacons;
    private final DecisionCarrier<Command> carrier;
    private final Set<EpochId> activeSets = new HashSet<>();
    /** The layer being built or waiting for its epoch's data, if any. */
    private Optional<LayerId> building = Optional.empty();
    private boolean waitingForEpoch;
    private int awaitedVerdicts;
    private boolean reportedReady;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<TortoiseActor.Command> tortoise, ActorRef<MempoolActor.Command> mempool,
            ActorRef<HareActor.Command> hare) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ProposalBuilderActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(timers -> new ProposalBuilderActor(ctx,
                    setup, ports, tortoise, mempool, hare, stash, timers).start()));
        });
    }

    private ProposalBuilderActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<TortoiseActor.Command> tortoise, ActorRef<MempoolActor.Command> mempool,
            ActorRef<HareActor.Command> hare, StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.ports = ports;
        this.tortoise = tortoise;
        this.mempool = mempool;
        this.hare = hare;
        this.store = setup.meshReads();
        this.builder = new ProposalBuilder(setup.config(), setup.signers(), setup.atxReads(), store);
        this.beacons = new StoredBeacons(setup.config(), store, builder::onBeacon);
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
    }

    private Behavior<Command> start() {
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Event.class, e -> onEvent(e.event()))
                .onMessage(Voted.class, this::onVoted)
                .onMessage(Picked.class, this::onPicked)
                .onMessage(Published.class, p -> {
                    if (!p.verdict().accepted()) {
                        ctx.getLog().warn("own proposal of layer {} not taken by this node: {}", p.layer().value(),
                                p.verdict());
                        builder.notStored(p.ballot());
                    }
                    if (building.equals(Optional.of(p.layer())) && --awaitedVerdicts == 0) {
                        done(p.layer());
                    }
                    return Behaviors.same();
                })
                .onMessage(Failed.class, f -> {
                    ctx.getLog().warn("no proposal in layer {}: {}", f.layer().value(), f.why());
                    if (building.equals(Optional.of(f.layer()))) {
                        done(f.layer());
                    }
                    return Behaviors.same();
                })
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.BUILDER, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        return ready;
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (event instanceof ConsensusEvent.Tick t) {
            if (building.equals(Optional.of(t.layer()))) {
                return Behaviors.same(); // already at it
            }
            building.ifPresent(this::done); // a layer still waiting is over
            beacons.forLayer(t.layer());
            building = Optional.of(t.layer());
            return tryBuild();
        }
        if (event instanceof ConsensusEvent.EpochAtxs e) {
            builder.onActiveSet(e.epoch(), e.atxs().stream().map(a -> a.id()).toList());
            activeSets.add(e.epoch());
            return waitingForEpoch ? tryBuild() : Behaviors.same();
        }
        Decision d = ((ConsensusEvent.HandOver) event).decision();
        builder.take(d);
        if (d instanceof Decision.BeaconDecided b) {
            beacons.decided(b.epoch());
        }
        return waitingForEpoch ? tryBuild() : Behaviors.same();
    }

    /** The layer being started: eligible identities ask the tortoise for votes; none, and hare hears so. */
    private Behavior<Command> tryBuild() {
        LayerId layer = building.orElseThrow();
        EpochId epoch = setup.config().epochOf(layer);
        boolean known = activeSets.contains(epoch) && beacons.knows(epoch);
        if (layer.compareTo(setup.config().effectiveGenesis()) > 0 && !setup.signers().isEmpty() && !known) {
            waitingForEpoch = true;
            return Behaviors.same();
        }
        waitingForEpoch = false;
        List<ProposalBuilder.Eligible> eligible = builder.eligible(layer);
        if (eligible.isEmpty()) {
            done(layer);
            return Behaviors.same();
        }
        ctx.ask(TortoiseActor.Votes.class, tortoise, ASK_TIMEOUT, to -> new TortoiseActor.EncodeVotes(layer, to),
                (votes, failure) -> votes != null ? new Voted(layer, eligible, votes)
                        : new Failed(layer, "no votes from the tortoise: " + failure));
        return Behaviors.same();
    }

    private Behavior<Command> onVoted(Voted v) {
        if (!(v.votes().result() instanceof EncodeResult.Encoded)) {
            return failed(v.layer(), "the tortoise encoded no votes: "
                    + ((EncodeResult.Failed) v.votes().result()).rejection());
        }
        ctx.ask(MempoolActor.TxPick.class, mempool, ASK_TIMEOUT,
                to -> new MempoolActor.SelectTxs(v.layer(), builder.txBudget(v.eligible()), to),
                (txs, failure) -> new Picked(v.layer(), v.eligible(), v.votes(),
                        txs != null ? txs : new MempoolActor.TxPick(List.of())));
        return Behaviors.same();
    }

    /** Builds, stores what must precede (the active set), then publishes and awaits this node's own verdicts. */
    private Behavior<Command> onPicked(Picked p) {
        if (!building.equals(Optional.of(p.layer()))) {
            return Behaviors.same(); // the layer is over
        }
        EncodeResult.Encoded votes = (EncodeResult.Encoded) p.votes().result();
        LayerId previous = p.layer().sub(1);
        List<Decision> out = builder.build(p.layer(), p.eligible(), votes.opinion(), builder.meshHash(p.layer(),
                p.votes().verified(), store.layer(previous).flatMap(AppliedLayer::meshHash)), p.txs().txs());
        List<Decision> first = new ArrayList<>();
        List<Decision.Publish> publish = new ArrayList<>();
        for (Decision d : out) {
            if (d instanceof Decision.Publish pub) {
                publish.add(pub);
            } else {
                first.add(d);
            }
        }
        awaitedVerdicts = publish.size();
        if (publish.isEmpty()) {
            done(p.layer());
        }
        return carrier.carryOut(first, () -> publish.forEach(pub -> ctx.ask(Verdict.class, ports.gossip(),
                VERDICT_TIMEOUT, to -> new GossipPort.Publish(pub.topic(), pub.bytes(), Optional.of(to)),
                (verdict, failure) -> new Published(p.layer(), ballotOf(pub), verdict != null ? verdict
                        : Verdict.ignore(CommonRule.TIMEOUT, "no verdict: " + failure)))));
    }

    private static BallotId ballotOf(Decision.Publish p) {
        try {
            return Scale.decode("Proposal", Proposal.CODEC, p.bytes().toByteArray()).ballot().id();
        } catch (ScaleException e) {
            throw new IllegalStateException("an own proposal does not decode", e);
        }
    }

    private Behavior<Command> failed(LayerId layer, String why) {
        ctx.getSelf().tell(new Failed(layer, why));
        return Behaviors.same();
    }

    private void done(LayerId layer) {
        hare.tell(new HareActor.OwnProposalsDone(layer));
        if (!reportedReady) {
            reportedReady = true;
            ports.bus().tell(new ConsensusActor.BuilderReady());
        }
        building = Optional.empty();
        waitingForEpoch = false;
        if (setup.layers().ordinal(layer) == setup.config().layersPerEpoch() - 1 && !setup.signers().isEmpty()) {
            EpochId next = setup.config().epochOf(layer).next();
            if (activeSets.contains(next) && beacons.knows(next) && builder.prepare(next)) {
                ctx.getLog().info("eligibility in epoch {} prepared", next.value());
            }
        }
    }
}
