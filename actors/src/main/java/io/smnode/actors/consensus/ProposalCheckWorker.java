package io.smnode.actors.consensus;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.mesh.pipeline.ProposalChecks;
import io.smnode.mesh.proposal.Proposal;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * One of the proposal handler's parallel check workers (a pool behind a round-robin router on
 * {@link #DISPATCHER}): it runs {@link ProposalChecks} — signatures, VRF eligibility, the ballot's epoch data — which
 * read only the store, off the single-writer actors. Cluster-ready: jobs and results are {@link ClusterMessage}s,
 * and workers on other members would register under {@link #KEY}.
 */
public final class ProposalCheckWorker {
    /** Signature and VRF checks are CPU-bound: the same pool as ATX validation. */
    public static final String DISPATCHER = "smnode-atx-validation-dispatcher";
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "proposal-checks");

    private ProposalCheckWorker() {}

    public sealed interface Command extends ClusterMessage {}

    public record Check(ProposalCheckJob job) implements Command {}

    static Behavior<Command> create(Supplier<ProposalChecks> checks) {
        return Behaviors.setup(ctx -> {
            ProposalChecks check = checks.get();
            return Behaviors.receive(Command.class)
                    .onMessage(Check.class, c -> {
                        ProposalCheckJob job = c.job();
                        ProposalChecks.Checked<Proposal> r = check.proposal(job.proposal(), job.gossip(),
                                job.current(), job.processed());
                        job.replyTo().tell(new ProposalCheckDone(job.id(), r.verdict(),
                                r.missing().map(f -> f.hint()), r.missing().map(f -> f.id())));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
