package io.smnode.actors.consensus;

import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.BallotOutcome;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.TortoiseCoordinator;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.tortoise.EncodeResult;
import io.smnode.tortoise.Mode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The single writer of tortoise state ({@link TortoiseCoordinator}): validated ballots from the proposal handler
 * (stored, in arrival order, before the handler hears the outcome), hare blocks, blocks, weak coins, beacons,
 * malicious identities and the epochs' ATXs in; a tally at each layer start; votes for this node's ballots. At
 * (re)start it is rebuilt from the stored ballots, blocks and hare outputs on a blocking thread while what arrives
 * waits in a bounded stash.
 */
public final class TortoiseActor {
    private static final int STASH = 10_000;

    public sealed interface Command {}

    /**
     * A ballot that passed the stateless checks: the outcome comes back once its decisions (the stored ballot, the
     * hand-overs) are carried out, without them.
     */
    public record TakeBallot(Ballot ballot, ActorRef<BallotOutcome> replyTo) implements Command {}

    /** Votes for this node's ballots in {@code layer}, after that layer's tally. */
    public record EncodeVotes(LayerId layer, ActorRef<Votes> replyTo) implements Command {}

    /** The encoded votes, and the layer verified when they were encoded (the builder's mesh hash needs it). */
    public record Votes(EncodeResult result, LayerId verified) {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Loaded(TortoiseCoordinator tortoise) implements Command {}

    private record LoadFailed(Throwable cause) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final DecisionCarrier<Command> carrier;
    private final ActorRef<ConsensusActor.Command> bus;
    private TortoiseCoordinator tortoise;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(TortoiseActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new TortoiseActor(ctx, setup, ports, stash, timers).loading(stash)));
        });
    }

    private TortoiseActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.bus = ports.bus();
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        Executor blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> TortoiseCoordinator.rebuild(setup.config(),
                        setup.meshReads(), setup.atxReads()), blocking),
                (rebuilt, failure) -> failure == null ? new Loaded(rebuilt) : new LoadFailed(failure));
    }

    private Behavior<Command> loading(StashBuffer<Command> stash) {
        return Behaviors.receive(Command.class)
                .onMessage(Loaded.class, l -> {
                    tortoise = l.tortoise();
                    ctx.getLog().info("tortoise rebuilt from the store: verified to {}, {} mode",
                            tortoise.verified().value(), tortoise.mode());
                    gauges();
                    Behavior<Command> ready = ready();
                    carrier.ready(ready);
                    bus.tell(new ConsensusActor.Join(Recipient.TORTOISE,
                            ctx.messageAdapter(ConsensusEvent.class, Event::new)));
                    return stash.unstashAll(ready);
                })
                .onMessage(LoadFailed.class, f -> {
                    throw new IllegalStateException("rebuilding the tortoise failed: " + f.cause(), f.cause());
                })
                .onMessage(Command.class, c -> {
                    if (stash.isFull()) {
                        throw new IllegalStateException(STASH + " messages arrived while the tortoise was rebuilt");
                    }
                    stash.stash(c);
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> ready() {
        return Behaviors.receive(Command.class)
                .onMessage(Event.class, e -> onEvent(e.event()))
                .onMessage(TakeBallot.class, this::onBallot)
                .onMessage(EncodeVotes.class, this::onEncodeVotes)
                .build();
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (event instanceof ConsensusEvent.Tick t) {
            List<Decision> out = advance(t.layer());
            ctx.getLog().debug("layer {} tallied: verified to {}, {} mode", t.layer().value(),
                    tortoise.verified().value(), tortoise.mode());
            return carrier.carryOut(out, this::gauges);
        } else if (event instanceof ConsensusEvent.EpochAtxs e) {
            e.atxs().forEach(tortoise::onAtx);
            return Behaviors.same();
        }
        Decision d = ((ConsensusEvent.HandOver) event).decision();
        List<Decision> out = tortoise.take(d);
        if (d instanceof Decision.HareBlock hb) {
            // The operator's view of the tortoise: the tally a layer's hare output brings (the reference's
            // ProcessLayer), so "layer L−1 verified by L+1" can be read from the log.
            ctx.getLog().info("tortoise: layer {} tallied, verified to {} ({} mode)", hb.layer().value(),
                    tortoise.verified().value(), tortoise.mode());
        }
        return carrier.carryOut(out, this::gauges);
    }

    /** The tally of the layers before {@code layer}, once per layer (a rebuilt tortoise has tallied its last). */
    private List<Decision> advance(LayerId layer) {
        return layer.compareTo(tortoise.current()) > 0 ? tortoise.onLayer(layer) : List.of();
    }

    private Behavior<Command> onBallot(TakeBallot t) {
        BallotOutcome outcome = tortoise.onBallot(t.ballot());
        if (outcome.status() == BallotOutcome.Status.STORED) {
            setup.gauges().ballots().inc();
        }
        BallotOutcome reply = new BallotOutcome(outcome.status(), outcome.verdict(), List.of());
        return carrier.carryOut(outcome.decisions(), () -> t.replyTo().tell(reply));
    }

    private Behavior<Command> onEncodeVotes(EncodeVotes e) {
        List<Decision> tally = advance(e.layer());
        Votes votes = new Votes(tortoise.encodeVotes(e.layer()), tortoise.verified());
        return carrier.carryOut(tally, () -> e.replyTo().tell(votes));
    }

    private void gauges() {
        setup.gauges().verifiedLayer().set(tortoise.verified().value());
        setup.gauges().tortoiseFullMode().set(tortoise.mode() == Mode.FULL ? 1 : 0);
    }
}
