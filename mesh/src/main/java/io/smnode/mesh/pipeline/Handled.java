package io.smnode.mesh.pipeline;

import io.smnode.core.verdict.Verdict;
import java.util.List;
import java.util.Objects;

/** A received message handled: the verdict for its sender (accept = relay) and the decisions it led to. */
public record Handled(Verdict verdict, List<Decision> decisions) {
    public Handled {
        Objects.requireNonNull(verdict, "verdict");
        decisions = List.copyOf(decisions);
    }
}
