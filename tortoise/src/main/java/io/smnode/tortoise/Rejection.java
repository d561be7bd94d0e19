package io.smnode.tortoise;

import java.util.Objects;

/** Why a ballot could not be decoded or stored, or why votes could not be encoded. */
public record Rejection(Reason reason, String detail) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Reason {
        /** The ballot's layer is evicted, or its reference ballot is not (yet) known. */
        CANNOT_DECODE,
        BASE_NOT_EARLIER,
        DANGLING_BASE,
        ATX_UNKNOWN,
        NOT_A_REFERENCE_BALLOT,
        NO_EPOCH_DATA,
        ZERO_ELIGIBILITIES,
        CONFLICTING_VOTES,
        WRONG_AGAINST_TARGET,
        VOTES_OUTSIDE_WINDOW,
        OPINION_MISMATCH,
        BALLOT_EXISTS,
        /** Encoding: ballots of processed layers still wait for their beacon. */
        NOT_DRAINED,
        COINFLIP_MISSING,
        UNUSABLE_BASE,
        TOO_MANY_EXCEPTIONS,
        NO_BASE_BALLOT
    }
}
