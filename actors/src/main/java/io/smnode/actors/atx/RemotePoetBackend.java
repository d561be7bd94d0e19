package io.smnode.actors.atx;

import io.smnode.actors.poet.PoetClientActor;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.RoundSchedule;
import io.smnode.poet.SubmitRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * A remote PoET behind a {@link PoetClientActor}, which retries transient failures itself: {@code timeout} is longer
 * than its whole retry schedule, so its last answer is the one heard. A refusal (invalid, unauthorized,
 * conflicting, full) is {@link PoetPortActor.Rejected}; no answer or no proof yet is {@link PoetPortActor.Unavailable}.
 */
public record RemotePoetBackend(String name, ActorRef<PoetClientActor.Command> client, Clock clock,
                                Duration timeout) implements PoetBackend {

    @Override
    @SuppressWarnings("unchecked")
    public void quotePow(ActorContext<PoetPortActor.Command> ctx, long request) {
        ctx.ask(PoetOutcome.class, client, timeout, to -> new PoetClientActor.GetPowParams(
                        (ActorRef<PoetOutcome<PowParams>>) (ActorRef<?>) to),
                (outcome, failure) -> outcome instanceof PoetOutcome.Ok<?> ok
                        ? new PoetPortActor.PowQuoted(request, Optional.of((PowParams) ok.value()), null)
                        : new PoetPortActor.PowQuoted(request, Optional.empty(),
                                refusal("PoW parameters", outcome, failure)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void submit(ActorContext<PoetPortActor.Command> ctx, long request, SubmitRequest submit) {
        ctx.ask(PoetOutcome.class, client, timeout, to -> new PoetClientActor.Submit(submit,
                        (ActorRef<PoetOutcome<PoetRegistration>>) (ActorRef<?>) to),
                (outcome, failure) -> new PoetPortActor.Submitted(request, outcome instanceof PoetOutcome.Ok<?> ok
                        ? registered((PoetRegistration) ok.value()) : refusal("registration", outcome, failure)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void proof(ActorContext<PoetPortActor.Command> ctx, long request, long round) {
        ctx.ask(PoetOutcome.class, client, timeout, to -> new PoetClientActor.GetProof(RoundSchedule.roundId(round),
                        (ActorRef<PoetOutcome<RoundProof>>) (ActorRef<?>) to),
                (outcome, failure) -> outcome instanceof PoetOutcome.Ok<?> ok
                        ? new PoetPortActor.ProofAnswered(request, Optional.of((RoundProof) ok.value()), "")
                        : new PoetPortActor.ProofAnswered(request, Optional.empty(), "proof of round " + round + ": "
                                + (outcome != null ? outcome : failure)));
    }

    private PoetPortActor.RegisterReply registered(PoetRegistration registration) {
        long round;
        try {
            round = Long.parseUnsignedLong(registration.roundId());
        } catch (NumberFormatException e) {
            return new PoetPortActor.Rejected(name, "round id " + registration.roundId() + " is not a round number");
        }
        return new PoetPortActor.Registered(name, round, clock.instant().plus(registration.roundEnd()));
    }

    /** A transport failure or "not found" may pass; anything else is the PoET saying no. */
    private PoetPortActor.RegisterReply refusal(String what, PoetOutcome<?> outcome, Throwable failure) {
        if (outcome == null) {
            return new PoetPortActor.Unavailable(name, what + ": " + failure);
        }
        if (outcome instanceof PoetOutcome.Unavailable<?> || outcome instanceof PoetOutcome.NotFound<?>) {
            return new PoetPortActor.Unavailable(name, what + ": " + outcome);
        }
        return new PoetPortActor.Rejected(name, what + ": " + outcome);
    }
}
