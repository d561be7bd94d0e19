package io.smnode.actors.atx;

import io.smnode.actors.poet.PoetActor;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The PoET running in this node ({@link PoetActor}). It answers nothing while it proves a round, so each ask has a
 * timeout; a timeout is {@link PoetPortActor.Unavailable}, which the builder retries.
 */
public record EmbeddedPoetBackend(String name, ActorRef<PoetActor.Command> poet, Clock clock, Duration timeout)
        implements PoetBackend {

    @Override
    public void quotePow(ActorContext<PoetPortActor.Command> ctx, long request) {
        ctx.ask(PoetActor.InfoReply.class, poet, timeout, PoetActor.GetInfo::new, (info, failure) ->
                new PoetPortActor.PowQuoted(request, info == null ? Optional.empty() : Optional.of(info.powParams()),
                        new PoetPortActor.Unavailable(name, "PoW parameters: " + failure)));
    }

    @Override
    public void submit(ActorContext<PoetPortActor.Command> ctx, long request, SubmitRequest submit) {
        ctx.ask(SubmitResult.class, poet, timeout, to -> new PoetActor.Submit(submit, to), (result, failure) ->
                new PoetPortActor.Submitted(request, result == null
                        ? new PoetPortActor.Unavailable(name, "registration: " + failure) : reply(result)));
    }

    @Override
    public void proof(ActorContext<PoetPortActor.Command> ctx, long request, long round) {
        ctx.ask(PoetActor.ProofReply.class, poet, timeout, to -> new PoetActor.GetProof(round, to), (reply, failure) ->
                reply == null ? new PoetPortActor.ProofAnswered(request, Optional.empty(), "proof of round " + round
                        + ": " + failure)
                        : new PoetPortActor.ProofAnswered(request, reply.proof(), "no proof for round " + round
                        + " yet"));
    }

    private PoetPortActor.RegisterReply reply(SubmitResult result) {
        if (result instanceof SubmitResult.Accepted a) {
            return new PoetPortActor.Registered(name, a.round(), clock.instant().plus(a.roundEnd()));
        }
        SubmitResult.Rejected no = (SubmitResult.Rejected) result;
        return new PoetPortActor.Rejected(name, no.reason() + ": " + no.detail());
    }
}
