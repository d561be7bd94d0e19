package io.smnode.activation;

import io.smnode.core.verdict.Rule;

/**
 * Each check of spec 02 §4 an ATX v1 can fail, in the order they are made. Whether a failure is IGNORE (missing
 * dependency, duplicate) or REJECT (protocol violation) is the validator's {@link AtxValidation}.
 */
public enum AtxRule implements Rule {
    // 1. decoding and identity
    MALFORMED,
    WRONG_HASH,
    KNOWN,
    // 2. signature
    SIGNATURE,
    // 3. syntax
    NO_NIPOST,
    /** Post or post metadata missing from the NIPoST (the reference dereferences them unchecked). */
    INCOMPLETE_NIPOST,
    PUBLISH_EPOCH_TOO_FAR,
    EMPTY_POSITIONING_ATX,
    INITIAL_WITHOUT_POST,
    INITIAL_WITHOUT_NODE_ID,
    INITIAL_WITHOUT_VRF_NONCE,
    INITIAL_WITHOUT_COMMITMENT,
    EMPTY_COMMITMENT_ATX,
    INITIAL_SEQUENCE_NOT_ZERO,
    INVALID_INITIAL_VRF_NONCE,
    INVALID_INITIAL_POST,
    NODE_ID_WITH_PREVIOUS,
    INITIAL_POST_WITH_PREVIOUS,
    COMMITMENT_WITH_PREVIOUS,
    // 4. dependencies
    UNKNOWN_POET_PROOF,
    UNKNOWN_PREVIOUS_ATX,
    UNKNOWN_POSITIONING_ATX,
    UNKNOWN_COMMITMENT_ATX,
    // 5. commitment
    NO_RECORDED_COMMITMENT,
    COMMITMENT_NOT_OLDER,
    // 6. previous ATX
    PREVIOUS_OF_ANOTHER_SMESHER,
    PREVIOUS_NOT_OLDER,
    WRONG_SEQUENCE,
    INVALID_VRF_NONCE,
    // 7. positioning ATX
    POSITIONING_NOT_OLDER,
    // 8. NIPoST
    TOO_FEW_UNITS,
    TOO_MANY_UNITS,
    TOO_FEW_LABELS_PER_UNIT,
    NOT_A_POET_MEMBER,
    INVALID_POST,
    /** A label check failed: not stored, and the identity is proven malicious (spec 02 §4 step 9). */
    INVALID_POST_INDEX,
    // 10. header
    WEIGHT_OVERFLOW;

    @Override
    public String domain() {
        return "atx";
    }
}
