package io.smnode.actors.atx;

import io.smnode.core.types.EpochId;
import io.smnode.activation.builder.AtxBuilder;
import io.smnode.activation.builder.BuilderAction;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.BuilderDecision;
import io.smnode.activation.builder.BuilderInput;
import io.smnode.activation.builder.BuilderState;
import io.smnode.activation.builder.BuilderStateStore;
import io.smnode.activation.builder.SmesherSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Runs one identity's {@link AtxBuilder}: turns its decisions into requests (positioning to the ATX handler,
 * registrations and proof fetches to the PoET port, PoST proving to a worker on {@link #PROVING_DISPATCHER}, ATXs to
 * the publisher) and a timer, and feeds every answer back with the time it arrived. All decisions, deadlines and
 * persistence are the builder's; a failure to save its state stops this actor (its parent decides on a restart,
 * which resumes from the saved state).
 */
public final class AtxBuilderActor extends AbstractBehavior<AtxBuilderActor.Command> {
    /** PoST proving reads the whole data set; its worker runs on this dispatcher (see the report). */
    public static final String PROVING_DISPATCHER = "smnode-atx-proving-dispatcher";
    private static final Object TIMER_KEY = "builder-wake";

    public sealed interface Command {}

    /** The builder's current (saved) state, for operators and tests. */
    public record GetState(ActorRef<BuilderState> replyTo) implements Command {}

    private record Wake() implements Command {}

    private record Positioned(AtxHandlerActor.PositioningChoice choice) implements Command {}

    private record RegisterAnswered(PoetPort.RegisterReply reply) implements Command {}

    private record ProofAnswered(PoetPort.ProofReply reply) implements Command {}

    private record ProvingAnswered(ProvingWorker.Result result) implements Command {}

    private final AtxBuilder builder;
    private final Clock clock;
    private final TimerScheduler<Command> timers;
    private final ActorRef<PoetPort.Command> poets;
    private final ActorRef<AtxHandlerActor.Command> atxs;
    private final ActorRef<PublishAtx> publisher;
    private final ActorRef<ProvingWorker.Prove> prover;
    private final ActorRef<AtxHandlerActor.PositioningChoice> positionedAdapter;
    private final ActorRef<PoetPort.RegisterReply> registerAdapter;
    private final ActorRef<PoetPort.ProofReply> proofAdapter;
    private final ActorRef<ProvingWorker.Result> provingAdapter;
    private final SmesherSetup setup;

    public static Behavior<Command> create(SmesherSetup setup, BuilderConfig config, BuilderStateStore store,
                                           Clock clock, ActorRef<PoetPort.Command> poets, PostProving proving,
                                           ActorRef<AtxHandlerActor.Command> atxs, ActorRef<PublishAtx> publisher) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AtxBuilderActor(ctx, timers,
                new AtxBuilder(setup, config, store), setup, clock, poets, proving, atxs, publisher)));
    }

    private AtxBuilderActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, AtxBuilder builder,
                            SmesherSetup setup, Clock clock, ActorRef<PoetPort.Command> poets, PostProving proving,
                            ActorRef<AtxHandlerActor.Command> atxs, ActorRef<PublishAtx> publisher) throws Exception {
        super(ctx);
        this.builder = builder;
        this.setup = setup;
        this.clock = clock;
        this.timers = timers;
        this.poets = poets;
        this.atxs = atxs;
        this.publisher = publisher;
        this.prover = ctx.spawn(ProvingWorker.create(proving), "proving",
                DispatcherSelector.fromConfig(PROVING_DISPATCHER));
        this.positionedAdapter = ctx.messageAdapter(AtxHandlerActor.PositioningChoice.class, Positioned::new);
        this.registerAdapter = ctx.messageAdapter(PoetPort.RegisterReply.class, RegisterAnswered::new);
        this.proofAdapter = ctx.messageAdapter(PoetPort.ProofReply.class, ProofAnswered::new);
        this.provingAdapter = ctx.messageAdapter(ProvingWorker.Result.class, ProvingAnswered::new);
        step(new BuilderInput.Tick(clock.instant()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Wake.class, w -> step(new BuilderInput.Tick(clock.instant())))
                .onMessage(Positioned.class, p -> step(new BuilderInput.PositioningChosen(clock.instant(),
                        p.choice().publishEpoch(), p.choice().positioningAtx())))
                .onMessage(RegisterAnswered.class, r -> step(registerInput(r.reply())))
                .onMessage(ProofAnswered.class, p -> step(proofInput(p.reply())))
                .onMessage(ProvingAnswered.class, this::onProving)
                .onMessage(GetState.class, g -> {
                    g.replyTo().tell(builder.state());
                    return this;
                })
                .build();
    }

    private BuilderInput registerInput(PoetPort.RegisterReply reply) {
        Instant now = clock.instant();
        if (reply instanceof PoetPort.Registered r) {
            return new BuilderInput.PoetRegistered(now, r.poet(), r.round(), r.roundEnd());
        }
        if (reply instanceof PoetPort.Rejected r) {
            return new BuilderInput.PoetRejected(now, r.poet(), r.reason());
        }
        PoetPort.Unavailable u = (PoetPort.Unavailable) reply;
        return new BuilderInput.PoetUnavailable(now, u.poet(), u.detail());
    }

    private BuilderInput proofInput(PoetPort.ProofReply reply) {
        Instant now = clock.instant();
        if (reply instanceof PoetPort.ProofFound p) {
            return new BuilderInput.PoetProofReceived(now, p.poet(), p.proof(), p.members());
        }
        PoetPort.Unavailable u = (PoetPort.Unavailable) reply;
        return new BuilderInput.PoetUnavailable(now, u.poet(), u.detail());
    }

    /** A failed proof is logged; the builder retries it until its deadline. */
    private Behavior<Command> onProving(ProvingAnswered p) throws Exception {
        if (p.result() instanceof ProvingWorker.Proven proven) {
            return step(new BuilderInput.PostProven(clock.instant(), proven.challenge(), proven.post()));
        }
        ProvingWorker.Failed failed = (ProvingWorker.Failed) p.result();
        getContext().getLog().error("PoST proving over {} failed: {}", failed.challenge().hex(), failed.reason());
        return step(new BuilderInput.PostFailed(clock.instant(), failed.challenge(), failed.reason()));
    }

    private Behavior<Command> step(BuilderInput input) throws Exception {
        BuilderDecision decision = builder.on(input);
        decision.actions().forEach(this::carryOut);
        if (decision.wakeAt().isPresent()) {
            Duration delay = Duration.between(clock.instant(), decision.wakeAt().get());
            timers.startSingleTimer(TIMER_KEY, new Wake(), delay.isNegative() ? Duration.ZERO : delay);
        } else {
            timers.cancel(TIMER_KEY);
        }
        return this;
    }

    private void carryOut(BuilderAction action) {
        if (action instanceof BuilderAction.ChoosePositioning a) {
            atxs.tell(new AtxHandlerActor.ChoosePositioning(a.publishEpoch(), setup.signer().nodeId(),
                    positionedAdapter));
        } else if (action instanceof BuilderAction.Register a) {
            poets.tell(new PoetPort.Register(a.poet(), a.submission(), a.roundEndBy(), registerAdapter));
        } else if (action instanceof BuilderAction.FetchProof a) {
            poets.tell(new PoetPort.FetchProof(a.poet(), a.round(), proofAdapter));
        } else if (action instanceof BuilderAction.Prove a) {
            prover.tell(new ProvingWorker.Prove(a.poetRef(), provingAdapter));
        } else if (action instanceof BuilderAction.Publish a) {
            getContext().getLog().info("publishing ATX {} for epoch {}", a.atx().id().hex(),
                    a.atx().challenge().publishEpoch().value());
            publisher.tell(new PublishAtx(a.atx(), a.deadline()));
        } else if (action instanceof BuilderAction.Expired a) {
            logExpired(a.publishEpoch(), a.reason());
        }
    }

    private void logExpired(EpochId publishEpoch, String reason) {
        getContext().getLog().warn("ATX for epoch {} given up: {}", publishEpoch.value(), reason);
    }
}
