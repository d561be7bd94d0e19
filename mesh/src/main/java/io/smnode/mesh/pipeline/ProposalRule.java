package io.smnode.mesh.pipeline;

import io.smnode.core.verdict.Rule;

/**
 * The proposal checks of spec 03 §5 that are not the ballot's ({@code BallotRule}) nor the edge's
 * ({@code CommonRule}), in the order they are made, and the ballot checks that need the tortoise.
 */
public enum ProposalRule implements Rule {
    /** The layer is at or before the effective genesis, already processed, or after the current one: ignore. */
    LAYER_OUT_OF_WINDOW,
    /** The PROPOSAL signature does not verify: reject. */
    SIGNATURE,
    /** The ballot names no ATX or the golden ATX: reject. */
    EMPTY_ATX,
    /** The proposal (or ballot) is stored already: ignore. */
    KNOWN,
    /** The same transaction id twice: reject. */
    DUPLICATE_TXS,
    /** A dependency (reference ballot, ATX, active set) is being fetched; the proposal waits for it: ignore. */
    WAITING,
    /** More proposals or ballots wait for dependencies than the node holds: ignore. */
    TOO_MANY_WAITING,
    /** The tortoise could not decode the ballot's votes, or they do not hash to its opinion: ignore. */
    VOTES,
    /** The ballot's base ballot is unknown: it waits (fetched) and the tortoise stores it once its base arrives. */
    BASE_PENDING;

    @Override
    public String domain() {
        return "proposal";
    }
}
