package io.smnode.actors.atx;

import io.smnode.core.types.Bytes;
import io.smnode.activation.builder.PoetSubmission;
import io.smnode.poet.PoetProof;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol the ATX builder speaks with the PoET services (spec 02 §6, 09 §2): whatever serves it (an HTTP
 * client actor, an in-process PoET) names the PoETs as the builder's config does and answers every request once.
 */
public final class PoetPort {
    private PoetPort() {}

    public sealed interface Command {}

    /** Submit {@code submission} to PoET {@code poet} for a round ending by {@code roundEndBy}. */
    public record Register(String poet, PoetSubmission submission, Instant roundEndBy,
                           ActorRef<RegisterReply> replyTo) implements Command {}

    /** Fetch the proof of {@code round} from PoET {@code poet}. */
    public record FetchProof(String poet, long round, ActorRef<ProofReply> replyTo) implements Command {}

    public sealed interface RegisterReply {}

    public sealed interface ProofReply {}

    /** Accepted into {@code round}, which ends at {@code roundEnd}. */
    public record Registered(String poet, long round, Instant roundEnd) implements RegisterReply {}

    /** The PoET refused the registration (bad signature, authorization, round full, ...). */
    public record Rejected(String poet, String reason) implements RegisterReply {}

    /** No answer (after the transport's own retries), or no proof for the round yet. */
    public record Unavailable(String poet, String detail) implements RegisterReply, ProofReply {}

    /** The round's proof and its members in tree order. */
    public record ProofFound(String poet, PoetProof proof, List<Bytes> members) implements ProofReply {
        public ProofFound {
            members = List.copyOf(members);
        }
    }
}
