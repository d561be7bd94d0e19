package io.smnode.tortoise;

import io.smnode.core.types.BallotId;
import io.smnode.core.types.LayerId;
import java.util.List;
import java.util.Objects;

/**
 * A ballot's votes as exceptions to its base ballot's votes (spec 05 §5). {@link BallotId#ZERO} as base means the
 * synthetic genesis ballot.
 */
public record Votes(BallotId base, List<BlockHeader> support, List<BlockHeader> against, List<LayerId> abstain) {
    public Votes {
        Objects.requireNonNull(base, "base");
        support = List.copyOf(support);
        against = List.copyOf(against);
        abstain = List.copyOf(abstain);
    }

    public int exceptions() {
        return support.size() + against.size();
    }
}
