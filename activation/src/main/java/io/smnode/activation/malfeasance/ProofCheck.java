package io.smnode.activation.malfeasance;

import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import java.util.Optional;

/** The outcome of checking a proof: accept with the malicious identity, or the rule it failed. */
public record ProofCheck(Verdict verdict, Optional<NodeId> malicious) {
    public static ProofCheck valid(NodeId malicious) {
        return new ProofCheck(Verdict.accept(), Optional.of(malicious));
    }

    public static ProofCheck invalid(MalfeasanceRule rule, String detail) {
        return new ProofCheck(Verdict.reject(rule, detail), Optional.empty());
    }

    public static ProofCheck ignore(MalfeasanceRule rule, String detail) {
        return new ProofCheck(Verdict.ignore(rule, detail), Optional.empty());
    }

    public boolean valid() {
        return verdict.accepted();
    }
}
