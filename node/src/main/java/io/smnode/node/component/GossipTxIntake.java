package io.smnode.node.component;

import io.smnode.actors.gossip.GossipPort;
import io.smnode.api.TransactionIntake;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Topic;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * SubmitTransaction's way into the node: the transaction is published on the gossip port's {@code tx1} topic as the
 * node's own message, so the mempool judges it exactly as a peer's (parsed against the stored accounts, verified,
 * offered to the conservative state, stored before it answers ACCEPT) and peers get it; its verdict is the answer.
 */
final class GossipTxIntake implements TransactionIntake {
    /** The mempool answers once the transaction is stored: a commit, seconds at most on a loaded node. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ActorRef<GossipPort.Command> gossip;
    private final Scheduler scheduler;

    GossipTxIntake(ActorRef<GossipPort.Command> gossip, Scheduler scheduler) {
        this.gossip = gossip;
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<Verdict> submit(Bytes transaction) {
        return AskPattern.ask(gossip, replyTo -> new GossipPort.Publish(Topic.TX, transaction, Optional.of(replyTo)),
                TIMEOUT, scheduler);
    }
}
