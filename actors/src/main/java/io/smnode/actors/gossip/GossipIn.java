package io.smnode.actors.gossip;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Topic;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One gossip message for a topic's intake: a peer's, or this node's own ({@code own}), judged by the same
 * validation either way. The intake answers {@code replyTo} with exactly one verdict, once it is final (an accept
 * only after what the message changed is durable).
 */
public record GossipIn(Topic topic, Bytes bytes, boolean own, ActorRef<Verdict> replyTo) {
    public GossipIn {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(replyTo, "replyTo");
    }
}
