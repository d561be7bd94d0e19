package io.smnode.tortoise;

import io.smnode.core.types.Hash32;
import java.util.Objects;

/** A ballot's signed opinion: the hash of its vote chain at layer {@code ballot.layer - 1}, and its encoded votes. */
public record Opinion(Hash32 hash, Votes votes) {
    public Opinion {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(votes, "votes");
    }
}
