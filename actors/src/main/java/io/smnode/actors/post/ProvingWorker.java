package io.smnode.actors.post;

import io.smnode.activation.PostV1;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Hash32;
import io.smnode.post.init.PostMetadata;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Proves PoST over one identity's data, one proof at a time, blocking its own thread for as long as a proof takes
 * (minutes on mainnet; the k2pow inside it too): spawn it on {@link #DISPATCHER}. A failed proof is answered
 * {@link Failed}; the asker decides whether to try again.
 */
public final class ProvingWorker {
    /** PoST proving reads the whole data set: a thread of its own (see reference.conf). */
    public static final String DISPATCHER = "smnode-atx-proving-dispatcher";

    private ProvingWorker() {}

    /** Prove over {@code challenge} (the PoET proof's reference, or zero for the initial proof). */
    public record Prove(Hash32 challenge, ActorRef<Result> replyTo) implements ClusterMessage {}

    public sealed interface Result extends ClusterMessage {}

    public record Proven(Hash32 challenge, PostV1 post) implements Result {}

    public record Failed(Hash32 challenge, String reason) implements Result {}

    public static Behavior<Prove> create(PostProving proving) {
        return Behaviors.receiveMessage(p -> prove(proving, p));
    }

    /** A worker whose prover is made from the completed data's metadata first (RandomX set-up takes a while). */
    public static Behavior<Prove> create(PostServiceActor.ProverFactory provers, PostMetadata metadata) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ProvingWorker.class);
            PostProving proving = provers.create(metadata);
            return Behaviors.receiveMessage(p -> prove(proving, p));
        });
    }

    private static Behavior<Prove> prove(PostProving proving, Prove p) {
        Result result;
        try {
            result = new Proven(p.challenge(), proving.prove(p.challenge()));
        } catch (Exception e) {
            result = new Failed(p.challenge(), String.valueOf(e.getMessage()));
        }
        p.replyTo().tell(result);
        return Behaviors.same();
    }
}
