package io.smnode.mesh.proposal;

import io.smnode.core.verdict.Rule;

/** Each validation rule of spec 03 §5 that a ballot can break, in the order they are checked. */
public enum BallotRule implements Rule {
    SIGNATURE,
    REFERENCE_WITHOUT_EPOCH_DATA,
    REFERENCE_WITHOUT_BEACON,
    SECONDARY_WITH_EPOCH_DATA,
    UNKNOWN_ACTIVE_SET,
    EMPTY_ACTIVE_SET,
    TWO_SUPPORTED_BLOCKS_IN_LAYER,
    SUPPORTED_AND_OPPOSED,
    TOO_MANY_EXCEPTIONS,
    ABSTAIN_ON_VOTED_LAYER,
    NO_ELIGIBILITY_PROOFS,
    UNKNOWN_ATX,
    ATX_OF_ANOTHER_SMESHER,
    ATX_FOR_ANOTHER_EPOCH,
    WRONG_ELIGIBILITY_COUNT,
    UNKNOWN_REFERENCE_BALLOT,
    REFERENCE_BALLOT_MISMATCH,
    SLOT_OUT_OF_RANGE,
    SLOTS_NOT_ASCENDING,
    INVALID_VRF_PROOF,
    SLOT_NOT_IN_LAYER;

    @Override
    public String domain() {
        return "ballot";
    }
}
