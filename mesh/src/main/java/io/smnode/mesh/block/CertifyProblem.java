package io.smnode.mesh.block;

import java.util.Objects;

/** Why a certify message or certificate is refused: the rule it breaks and a human-readable detail. */
public record CertifyProblem(CertifyRule rule, String detail) {
    public CertifyProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
