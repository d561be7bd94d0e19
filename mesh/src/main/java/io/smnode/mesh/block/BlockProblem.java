package io.smnode.mesh.block;

import java.util.Objects;

/** Why a fetched block is refused: the rule it breaks and a human-readable detail. */
public record BlockProblem(BlockRule rule, String detail) {
    public BlockProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
