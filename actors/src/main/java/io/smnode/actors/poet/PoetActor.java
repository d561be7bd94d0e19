package io.smnode.actors.poet;

import io.smnode.poet.PoetConfig;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetService;
import io.smnode.poet.PowParams;
import io.smnode.poet.RegistrationStore;
import io.smnode.poet.RoundProof;
import io.smnode.poet.RoundSchedule;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One PoET server (spec 09) as an actor: it owns a {@link PoetService} and its {@link RegistrationStore} (closed when
 * the actor stops), answers registrations, proofs and info, and wakes itself at each round's end to prove it.
 * Time comes from the injected clock; the wake-ups from the actor scheduler, so tests drive both by hand.
 *
 * <p>The service is a single-threaded state machine and proving is part of {@link PoetService#advance}, so a
 * round's proof is computed in this mailbox: spawn the actor on {@link #DISPATCHER} so that work never occupies a
 * shared thread. With the devnet's leaf count (T = 150 leaves, milliseconds) the mailbox pause is negligible.
 */
public final class PoetActor extends AbstractBehavior<PoetActor.Command> {

    /** The pinned dispatcher to spawn this actor on (see reference.conf). */
    public static final String DISPATCHER = "smnode-poet-dispatcher";

    public sealed interface Command {}

    /** Register {@code request} in the open round; the answer is {@code Accepted} or {@code Rejected} with a reason. */
    public record Submit(SubmitRequest request, ActorRef<SubmitResult> replyTo) implements Command {}

    /** The proof of {@code round}, empty until the round has been proven. */
    public record GetProof(long round, ActorRef<ProofReply> replyTo) implements Command {}

    public record ProofReply(long round, Optional<RoundProof> proof) {}

    /** The server's info, its current PoW parameters and the round open for registration. */
    public record GetInfo(ActorRef<InfoReply> replyTo) implements Command {}

    public record InfoReply(PoetInfo info, PowParams powParams, long openRound) {}

    /** The scheduler's wake-up at a round's end. */
    private enum Wake implements Command { INSTANCE }

    private final PoetService service;
    private final RegistrationStore store;
    private final RoundSchedule schedule;
    private final Clock clock;
    private final TimerScheduler<Command> timers;

    /** The actor takes ownership of {@code store}: it is closed when the actor stops. */
    public static Behavior<Command> create(PoetConfig config, RegistrationStore store,
                                           PoetService.TreeStoreFactory trees, Clock clock) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PoetActor(ctx, timers, config, store, trees, clock)));
    }

    private PoetActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, PoetConfig config,
                      RegistrationStore store, PoetService.TreeStoreFactory trees, Clock clock) {
        super(ctx);
        this.timers = timers;
        this.store = store;
        this.schedule = config.schedule();
        this.clock = clock;
        this.service = new PoetService(config, store, trees, clock.instant());
        ctx.getLog().info("PoET open: round {} registers, rounds of {} (gap {}), phase shift {}",
                service.openRound(clock.instant()), schedule.epochDuration(), schedule.cycleGap(),
                schedule.phaseShift());
        // A restart after a round ended while we were down proves it now.
        advance();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(GetProof.class, g -> {
                    g.replyTo().tell(new ProofReply(g.round(), service.proof(g.round())));
                    return this;
                })
                .onMessage(GetInfo.class, g -> {
                    g.replyTo().tell(new InfoReply(service.info(), service.powParams(),
                            service.openRound(clock.instant())));
                    return this;
                })
                .onMessageEquals(Wake.INSTANCE, () -> {
                    advance();
                    return this;
                })
                .onSignal(PostStop.class, s -> {
                    store.close();
                    getContext().getLog().info("PoET stopped; registrations closed");
                    return this;
                })
                .build();
    }

    private Behavior<Command> onSubmit(Submit s) {
        SubmitResult result = service.submit(s.request(), clock.instant());
        if (result instanceof SubmitResult.Rejected r) {
            getContext().getLog().debug("registration of {} rejected: {} ({})", s.request().pubkey(), r.reason(),
                    r.detail());
        }
        s.replyTo().tell(result);
        return this;
    }

    private void advance() {
        List<RoundProof> made = service.advance(clock.instant());
        for (RoundProof p : made) {
            getContext().getLog().info("PoET round {} proven: {} members, {} leaves, root {}", p.roundId(),
                    p.members().size(), p.proof().leafCount(), p.proof().merkleProof().root());
        }
        scheduleWake();
    }

    /**
     * Wakes at the end of the round now doing its sequential work (the one below the open round), or of the open
     * round once that end has passed. If the scheduler fires a little before the clock reaches it, the next wake
     * is simply set again for the same end.
     */
    private void scheduleWake() {
        Instant now = clock.instant();
        long open = schedule.openRound(now);
        Instant next = open > 0 && now.isBefore(schedule.roundEnd(open - 1))
                ? schedule.roundEnd(open - 1)
                : schedule.roundEnd(open);
        Duration delay = io.smnode.actors.clock.ClockTime.until(clock, next);
        timers.startSingleTimer(Wake.INSTANCE, delay.isZero() ? Duration.ofMillis(1) : delay);
    }
}
