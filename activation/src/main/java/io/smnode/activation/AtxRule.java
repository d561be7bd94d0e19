package io.smnode.activation;

import io.smnode.core.verdict.Rule;

/**
 * Each check an ATX can fail: those of spec 02 §4 (v1) in the order they are made, then those only v2 has (spec 11
 * §5, in its order; the checks both versions make share one rule). Whether a failure is IGNORE (missing
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
    WEIGHT_OVERFLOW,

    // ---- ATX v2 (spec 11); the version follows from the publish epoch
    /** The bytes are a v1 ATX, but its publish epoch is at or after the switch: only v2 is valid there. */
    V1_AT_OR_AFTER_SWITCH,
    /** The bytes are a v2 ATX, but its publish epoch is before the switch: only v1 is valid there. */
    V2_BEFORE_SWITCH,
    // §5.1 syntax (signature, positioning, publish epoch, commitment and the initial checks are shared above)
    /** Certificates without the signer's own (reference ATX all zero). */
    NO_SELF_MARRIAGE,
    /** A solo ATX (no marriage ATX) with other than one NIPoST. */
    SOLO_NIPOST_COUNT,
    /** A solo ATX with other than one sub-post. */
    SOLO_POST_COUNT,
    /** A solo ATX whose sub-post's previous index is not 0. */
    SOLO_PREVIOUS_INDEX,
    INITIAL_WITH_MARRIAGE_ATX,
    INITIAL_WITH_PREVIOUS,
    EMPTY_PREVIOUS_ATX,
    GOLDEN_PREVIOUS_ATX,
    MERGED_WITH_MARRIAGES,
    /** Two sub-posts of a merged ATX for one marriage index (one identity). */
    DUPLICATE_MARRIAGE_INDEX,
    /** A solo, non-initial ATX with other than one previous ATX. */
    SOLO_PREVIOUS_COUNT,
    // §5.2 dependencies and context
    UNKNOWN_MARRIAGE_ATX,
    /** A certificate's reference ATX is not known. */
    UNKNOWN_MARRIAGE_REFERENCE,
    INVALID_MARRIAGE_SIGNATURE,
    /** One identity certified twice in one ATX. */
    DUPLICATE_MARRIAGE,
    /** A merged ATX whose signer has no marriage recorded. */
    SIGNER_NOT_MARRIED,
    /** A merged ATX naming another marriage ATX than the one its signer married in. */
    WRONG_MARRIAGE_ATX,
    /** A merged ATX less than two epochs after its marriage ATX. */
    MARRIAGE_TOO_RECENT,
    MARRIAGE_INDEX_OUT_OF_RANGE,
    PREVIOUS_INDEX_OUT_OF_RANGE,
    /** The referenced previous ATX holds no PoST of the identity. */
    NO_POST_IN_PREVIOUS,
    /** The effective units of all NIPoSTs overflow a uint32. */
    UNITS_OVERFLOW,
    /** A PoST with an invalid label and no valid label at all (with one, the ATX is stored and proven malicious). */
    NO_VALID_LABEL,
    /** A merged ATX that has no PoST of its own signer. */
    SIGNER_NOT_IN_ATX,
    /** A valid ATX whose storing the reference would refuse (its proof cannot be made): nothing is stored. */
    STORE_REFUSED;

    @Override
    public String domain() {
        return "atx";
    }
}
