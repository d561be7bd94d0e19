package io.smnode.actors.atx;

import io.smnode.poet.RoundProof;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;

/** What the PoET port adapters share: one name each, failures as "unavailable", fetched proofs kept first. */
final class PoetPorts {
    private PoetPorts() {}

    /** Answers a request for a PoET this port does not serve (a configuration mistake) and says so. */
    static boolean answerUnknown(String name, PoetPort.Command request) {
        if (request instanceof PoetPort.Register r && !r.poet().equals(name)) {
            r.replyTo().tell(new PoetPort.Rejected(r.poet(), "this port serves PoET " + name + " only"));
            return true;
        }
        if (request instanceof PoetPort.FetchProof f && !f.poet().equals(name)) {
            f.replyTo().tell(new PoetPort.Unavailable(f.poet(), "this port serves PoET " + name + " only"));
            return true;
        }
        return false;
    }

    /** Sends the reply once it is there; a failed chain (timeout, PoW error) as {@code Unavailable}. */
    static void answerRegistration(String name, CompletionStage<PoetPort.RegisterReply> reply,
                                   ActorRef<PoetPort.RegisterReply> replyTo) {
        reply.whenComplete((value, error) ->
                replyTo.tell(error == null ? value : new PoetPort.Unavailable(name, describe(error))));
    }

    /** Sends the reply once it is there; a failed chain (timeout, storage error) as {@code Unavailable}. */
    static void answerProof(String name, CompletionStage<PoetPort.ProofReply> reply,
                            ActorRef<PoetPort.ProofReply> replyTo) {
        reply.whenComplete((value, error) ->
                replyTo.tell(error == null ? value : new PoetPort.Unavailable(name, describe(error))));
    }

    /** A found proof is kept before the builder hears of it; an absent one is "not yet". */
    static PoetPort.ProofReply proofReply(String name, long round, Optional<RoundProof> proof, FetchedProofs fetched) {
        if (proof.isEmpty()) {
            return new PoetPort.Unavailable(name, "no proof for round " + round + " yet");
        }
        try {
            fetched.keep(proof.get());
        } catch (Exception e) {
            throw new CompletionException("keeping the proof of round " + round + " failed", e);
        }
        return new PoetPort.ProofFound(name, proof.get().proof(), proof.get().members());
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
