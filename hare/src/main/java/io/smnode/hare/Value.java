package io.smnode.hare;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.ProposalId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message says: a proposal set (preround, propose) or a reference to one by its {@link ProposalSets#hash}
 * (commit, notify). The wire allows both or neither; {@link HareMessage#checkShape()} enforces the per-round rule.
 * An absent proposal list and an empty one encode identically, so both are the empty list here.
 */
public record Value(List<ProposalId> proposals, Optional<Hash32> reference) {
    /** The most proposal ids one message may carry (the reference's {@code scale:"max=2350"}). */
    public static final int MAX_PROPOSALS = 2350;

    public Value {
        proposals = List.copyOf(proposals);
        Objects.requireNonNull(reference, "reference");
    }

    public static Value ofProposals(List<ProposalId> proposals) {
        return new Value(proposals, Optional.empty());
    }

    public static Value ofReference(Hash32 reference) {
        return new Value(List.of(), Optional.of(reference));
    }
}
