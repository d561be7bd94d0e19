package io.smnode.mesh.pipeline;

import io.smnode.core.verdict.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * What the tortoise coordinator did with a validated ballot: stored it, parked it until its base ballot arrives, or
 * refused it, with the verdict for its sender and the decisions to carry out.
 */
public record BallotOutcome(Status status, Verdict verdict, List<Decision> decisions) {
    public enum Status { STORED, WAITING, REFUSED }

    public BallotOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        decisions = List.copyOf(decisions);
    }

    /** Stored, or waiting for a base ballot it will be stored with: its proposal is good to keep. */
    public boolean kept() {
        return status != Status.REFUSED;
    }
}
