package io.smnode.beacon;

/** How a received proposal was classified (spec 03 §1); proposals that are neither are dropped. */
public enum ProposalCategory {
    VALID,
    POTENTIALLY_VALID
}
