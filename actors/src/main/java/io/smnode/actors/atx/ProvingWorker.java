package io.smnode.actors.atx;

import io.smnode.core.types.Hash32;
import io.smnode.activation.PostV1;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Runs {@link PostProving} where it may block for minutes: spawned on {@link AtxBuilderActor#PROVING_DISPATCHER}. */
final class ProvingWorker {
    private ProvingWorker() {}

    record Prove(Hash32 challenge, ActorRef<Result> replyTo) {}

    sealed interface Result {}

    record Proven(Hash32 challenge, PostV1 post) implements Result {}

    record Failed(Hash32 challenge, String reason) implements Result {}

    static Behavior<Prove> create(PostProving proving) {
        return Behaviors.receiveMessage(p -> {
            Result result;
            try {
                result = new Proven(p.challenge(), proving.prove(p.challenge()));
            } catch (Exception e) {
                result = new Failed(p.challenge(), String.valueOf(e.getMessage()));
            }
            p.replyTo().tell(result);
            return Behaviors.same();
        });
    }
}
