package io.smnode.actors.atx;

import io.smnode.poet.SubmitRequest;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Where a {@link PoetPortActor}'s PoET is: each call asks it (with the port's context, so the answer comes back as
 * one of the port's messages: {@link PoetPortActor.PowQuoted}, {@link PoetPortActor.Submitted},
 * {@link PoetPortActor.ProofAnswered}). Implementations map the PoET's own answers and time-outs onto those.
 */
public interface PoetBackend {
    void quotePow(ActorContext<PoetPortActor.Command> ctx, long request);

    void submit(ActorContext<PoetPortActor.Command> ctx, long request, SubmitRequest submit);

    void proof(ActorContext<PoetPortActor.Command> ctx, long request, long round);
}
