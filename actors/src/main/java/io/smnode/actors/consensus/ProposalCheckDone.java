package io.smnode.actors.consensus;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Hint;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's outcome: the verdict and, when the proposal waits for an object it names (its ATX, reference ballot or
 * active set), what to fetch. The handler decodes an accepted proposal again itself (cheap next to the checks), so
 * only value types cross a cluster.
 */
public record ProposalCheckDone(long id, Verdict verdict, Optional<Hint> missing, Optional<Bytes> missingId)
        implements ClusterMessage {
    public ProposalCheckDone {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(missingId, "missingId");
    }
}
