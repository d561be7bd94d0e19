package io.smnode.actors.atx;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.builder.AtxBuilder;
import io.smnode.activation.builder.BuilderAction;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.BuilderDecision;
import io.smnode.activation.builder.BuilderInput;
import io.smnode.activation.builder.BuilderState;
import io.smnode.activation.builder.BuilderStateException;
import io.smnode.activation.builder.SmesherSetup;
import io.smnode.actors.clock.ClockTime;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.BuilderStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Runs one {@link AtxBuilder} (an identity's, or a married set's merged ATXs): turns its decisions into requests
 * (positioning to the ATX handler, registrations and proof fetches to the PoET port, PoST proofs to each identity's
 * prover, ATXs to the publisher) and a timer, and feeds every answer back with the time it arrived. All decisions,
 * deadlines and state are the builder's.
 *
 * <p>Persist, then act: after each step the state it ended in is committed through the storage writer, and only
 * then are the step's actions carried out (messages arriving meanwhile wait in a bounded stash). So a crash at any
 * moment resumes from a state whose consequences had not yet happened — an ATX is never handed out before the
 * record that it was is durable. A commit that fails makes this actor fail; its restart reloads the last durable
 * state.
 */
public final class AtxBuilderActor {
    private static final Object TIMER_KEY = "builder-wake";
    private static final int STASH_WHILE_SAVING = 1_000;
    /** The ATX handler answers at once unless it is restarting: then the question is asked again. */
    /**
     * Asked again after this: a handler that restarted meanwhile forgot the query. One waiting for this identity's
     * previous ATX ({@link AtxHandlerActor#POSITIONING_WAIT}) answers the latest ask once it is stored.
     */
    private static final Duration POSITIONING_TIMEOUT = Duration.ofSeconds(3);
    /** Longer than the port's own schedule (a remote PoET is retried for up to two minutes). */
    private static final Duration REGISTER_TIMEOUT = Duration.ofMinutes(3);
    /** Longer than any proof takes; a proof lost to a restarting PoST component counts as failed and is retried. */
    private static final Duration PROVING_TIMEOUT = Duration.ofHours(2);

    public sealed interface Command {}

    /** The builder's current state, for operators and tests. */
    public record GetState(ActorRef<BuilderState> replyTo) implements Command {}

    private record Wake() implements Command {}

    private record Positioned(AtxHandlerActor.PositioningChoice choice) implements Command {}

    private record PositioningUnanswered(EpochId publishEpoch, Optional<AtxId> previous, String why)
            implements Command {}

    private record RegisterAnswered(NodeId identity, PoetPortActor.RegisterReply reply) implements Command {}

    private record ProofAnswered(PoetPortActor.ProofReply reply) implements Command {}

    private record ProvingAnswered(NodeId identity, ProvingWorker.Result result) implements Command {}

    private record Saved(BuilderDecision decision, StorageActor.CommitResult result) implements Command {}

    /**
     * Who the builder talks to: PoST proofs of an identity in {@code posts} go to its PoST component, any other's to
     * {@code post}.
     */
    public record Peers(ActorRef<PoetPortActor.Command> poets, ActorRef<PostServiceActor.Command> post,
                        Map<NodeId, ActorRef<PostServiceActor.Command>> posts, ActorRef<AtxHandlerActor.Command> atxs,
                        ActorRef<PublishAtx> publisher, ActorRef<StorageActor.Command> storage) {
        public Peers {
            posts = Map.copyOf(posts);
        }

        /** The peers of a one-identity builder. */
        public Peers(ActorRef<PoetPortActor.Command> poets, ActorRef<PostServiceActor.Command> post,
                     ActorRef<AtxHandlerActor.Command> atxs, ActorRef<PublishAtx> publisher,
                     ActorRef<StorageActor.Command> storage) {
            this(poets, post, Map.of(), atxs, publisher, storage);
        }

        ActorRef<PostServiceActor.Command> postOf(NodeId identity) {
            return posts.getOrDefault(identity, post);
        }
    }

    /** Opens the builder this actor runs over its saved state (again after each restart). */
    @FunctionalInterface
    public interface Opener {
        AtxBuilder open(BuilderStates states) throws BuilderStateException;
    }

    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final StashBuffer<Command> stash;
    private final AtxBuilder builder;
    private final BuilderStates states;
    private final NodeId signer;
    private final Clock clock;
    private final Peers peers;
    private final ActorRef<PoetPortActor.ProofReply> proofAdapter;

    public static Behavior<Command> create(SmesherSetup setup, BuilderConfig config, BuilderStates states,
                                           Clock clock, Peers peers) {
        return create(s -> new AtxBuilder(setup, config, s), setup.signer().nodeId(), states, clock, peers);
    }

    /**
     * Runs the builder {@code opener} opens (a member's limited to its last epoch, a married set's), whose ATXs
     * {@code signer} signs.
     */
    public static Behavior<Command> create(Opener opener, NodeId signer, BuilderStates states, Clock clock,
                                           Peers peers) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(AtxBuilderActor.class);
            AtxBuilder builder = opener.open(states); // loads the last durable state
            return Behaviors.withTimers(timers -> Behaviors.withStash(STASH_WHILE_SAVING, stash -> {
                AtxBuilderActor actor = new AtxBuilderActor(ctx, timers, stash, builder, states, signer, clock, peers);
                return actor.start();
            }));
        });
    }

    private AtxBuilderActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, StashBuffer<Command> stash,
                            AtxBuilder builder, BuilderStates states, NodeId signer, Clock clock, Peers peers) {
        this.ctx = ctx;
        this.timers = timers;
        this.stash = stash;
        this.builder = builder;
        this.states = states;
        this.signer = signer;
        this.clock = clock;
        this.peers = peers;
        this.proofAdapter = ctx.messageAdapter(PoetPortActor.ProofReply.class, ProofAnswered::new);
    }

    /** The first step (a tick) is taken as the first message, so its commit can be waited for like any other. */
    private Behavior<Command> start() {
        ctx.getSelf().tell(new Wake());
        return idle();
    }

    private Behavior<Command> idle() {
        return Behaviors.receive(Command.class)
                .onMessage(Wake.class, w -> step(new BuilderInput.Tick(clock.instant())))
                .onMessage(Positioned.class, p -> step(new BuilderInput.PositioningChosen(clock.instant(),
                        p.choice().publishEpoch(), p.choice().positioningAtx())))
                .onMessage(PositioningUnanswered.class, u -> {
                    ctx.getLog().warn("no positioning ATX for epoch {} yet ({}); asking again", u.publishEpoch().value(),
                            u.why());
                    askPositioning(u.publishEpoch(), u.previous());
                    return Behaviors.same();
                })
                .onMessage(RegisterAnswered.class, r -> {
                    logRegistration(r.reply());
                    return step(registerInput(r.identity(), r.reply()));
                })
                .onMessage(ProofAnswered.class, p -> step(proofInput(p.reply())))
                .onMessage(ProvingAnswered.class, this::onProving)
                .onMessage(GetState.class, this::onGetState)
                .build();
    }

    /** Waiting for the step's state to be durable; everything else waits too, except questions about the state. */
    private Behavior<Command> saving() {
        return Behaviors.receive(Command.class)
                .onMessage(Saved.class, this::onSaved)
                .onMessage(GetState.class, this::onGetState)
                .onMessage(Command.class, c -> {
                    if (stash.isFull()) {
                        throw new IllegalStateException(STASH_WHILE_SAVING + " messages arrived while one state "
                                + "was being saved");
                    }
                    stash.stash(c);
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onGetState(GetState g) {
        g.replyTo().tell(builder.state());
        return Behaviors.same();
    }

    private void logRegistration(PoetPortActor.RegisterReply reply) {
        if (reply instanceof PoetPortActor.Registered r) {
            ctx.getLog().info("registered at PoET {} for round {} (ends {})", r.poet(), r.round(), r.roundEnd());
        } else if (reply instanceof PoetPortActor.Rejected r) {
            ctx.getLog().warn("registration at PoET {} refused: {}; the builder tries again", r.poet(), r.reason());
        } else {
            PoetPortActor.Unavailable u = (PoetPortActor.Unavailable) reply;
            ctx.getLog().warn("registration at PoET {} unanswered: {}; the builder tries again", u.poet(), u.detail());
        }
    }

    private void askPositioning(EpochId publishEpoch, Optional<AtxId> previous) {
        ctx.ask(AtxHandlerActor.PositioningChoice.class, peers.atxs(), POSITIONING_TIMEOUT,
                to -> new AtxHandlerActor.ChoosePositioning(publishEpoch, signer, previous, to),
                (choice, failure) -> choice != null ? new Positioned(choice)
                        : new PositioningUnanswered(publishEpoch, previous, String.valueOf(failure)));
    }

    private BuilderInput registerInput(NodeId identity, PoetPortActor.RegisterReply reply) {
        Instant now = clock.instant();
        if (reply instanceof PoetPortActor.Registered r) {
            return new BuilderInput.PoetRegistered(now, r.poet(), r.round(), r.roundEnd(), Optional.of(identity));
        }
        if (reply instanceof PoetPortActor.Rejected r) {
            return new BuilderInput.PoetRejected(now, r.poet(), r.reason(), Optional.of(identity));
        }
        PoetPortActor.Unavailable u = (PoetPortActor.Unavailable) reply;
        return new BuilderInput.PoetUnavailable(now, u.poet(), u.detail(), Optional.of(identity));
    }

    private BuilderInput proofInput(PoetPortActor.ProofReply reply) {
        Instant now = clock.instant();
        if (reply instanceof PoetPortActor.ProofFound p) {
            return new BuilderInput.PoetProofReceived(now, p.poet(), p.proof(), p.members());
        }
        PoetPortActor.Unavailable u = (PoetPortActor.Unavailable) reply;
        return new BuilderInput.PoetUnavailable(now, u.poet(), u.detail());
    }

    /** A failed proof is logged; the builder retries it until its deadline. */
    private Behavior<Command> onProving(ProvingAnswered p) throws Exception {
        if (p.result() instanceof ProvingWorker.Proven proven) {
            return step(new BuilderInput.PostProven(clock.instant(), proven.challenge(), proven.post(),
                    Optional.of(p.identity())));
        }
        ProvingWorker.Failed failed = (ProvingWorker.Failed) p.result();
        ctx.getLog().error("PoST proving over {} failed: {}", failed.challenge().hex(), failed.reason());
        return step(new BuilderInput.PostFailed(clock.instant(), failed.challenge(), failed.reason(),
                Optional.of(p.identity())));
    }

    /** One builder step; its state is committed before its actions are carried out. */
    private Behavior<Command> step(BuilderInput input) throws Exception {
        BuilderDecision decision = builder.on(input);
        WriteBatch batch = states.takeStaged();
        if (batch.isEmpty()) {
            return act(decision);
        }
        ctx.ask(StorageActor.CommitResult.class, peers.storage(), StorageAsk.TIMEOUT,
                to -> new StorageActor.Commit(batch, to),
                (result, failure) -> new Saved(decision, StorageAsk.result(result, failure)));
        return saving();
    }

    private Behavior<Command> onSaved(Saved s) {
        if (s.result() instanceof StorageActor.Rejected r) {
            throw new IllegalStateException("the ATX builder's state could not be saved (" + r.reason()
                    + "); restarting from the last saved state");
        }
        return stash.unstashAll(act(s.decision()));
    }

    private Behavior<Command> act(BuilderDecision decision) {
        decision.actions().forEach(this::carryOut);
        if (decision.wakeAt().isPresent()) {
            timers.startSingleTimer(TIMER_KEY, new Wake(), ClockTime.until(clock, decision.wakeAt().get()));
        } else {
            timers.cancel(TIMER_KEY);
        }
        return idle();
    }

    private void carryOut(BuilderAction action) {
        if (action instanceof BuilderAction.ChoosePositioning a) {
            askPositioning(a.publishEpoch(), a.previous());
        } else if (action instanceof BuilderAction.Register a) {
            ctx.ask(PoetPortActor.RegisterReply.class, peers.poets(), REGISTER_TIMEOUT,
                    to -> new PoetPortActor.Register(a.poet(), a.submission(), a.roundEndBy(), to),
                    (reply, failure) -> new RegisterAnswered(a.identity(), reply != null ? reply
                            : new PoetPortActor.Unavailable(a.poet(), "no answer from the PoET port: " + failure)));
        } else if (action instanceof BuilderAction.FetchProof a) {
            peers.poets().tell(new PoetPortActor.FetchProof(a.poet(), a.round(), proofAdapter));
        } else if (action instanceof BuilderAction.Prove a) {
            ctx.ask(ProvingWorker.Result.class, peers.postOf(a.identity()), PROVING_TIMEOUT,
                    to -> new PostServiceActor.Prove(a.poetRef(), to),
                    (result, failure) -> new ProvingAnswered(a.identity(), result != null ? result
                            : new ProvingWorker.Failed(a.poetRef(), "no answer from the PoST component: " + failure)));
        } else if (action instanceof BuilderAction.Publish a) {
            publish(a.atx(), a.deadline());
        } else if (action instanceof BuilderAction.PublishV2 a) {
            publish(a.atx(), a.deadline());
        } else if (action instanceof BuilderAction.Expired a) {
            logExpired(a.publishEpoch(), a.reason());
        }
    }

    private void publish(ActivationTx atx, Instant deadline) {
        ctx.getLog().info("publishing ATX {} ({}) for epoch {}", atx.id().hex(), atx.version(),
                atx.publishEpoch().value());
        peers.publisher().tell(new PublishAtx(atx, deadline));
    }

    private void logExpired(EpochId publishEpoch, String reason) {
        ctx.getLog().warn("ATX for epoch {} given up: {}", publishEpoch.value(), reason);
    }
}
