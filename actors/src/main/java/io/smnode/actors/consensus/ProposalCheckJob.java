package io.smnode.actors.consensus;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The stateless checks of one proposal ({@code ProposalChecks}: decoding, window, signatures, eligibility), with
 * everything a worker needs besides the store's reads: the bytes, whether the gossip window applies and the window
 * itself. {@code id} is the handler's number for the job.
 */
public record ProposalCheckJob(long id, Bytes proposal, boolean gossip, LayerId current, LayerId processed,
        ActorRef<ProposalCheckDone> replyTo) implements ClusterMessage {
    public ProposalCheckJob {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(processed, "processed");
        Objects.requireNonNull(replyTo, "replyTo");
    }
}
