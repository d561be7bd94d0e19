package io.smnode.activation.malfeasance;

import io.smnode.core.verdict.Rule;

/**
 * Each check a malfeasance v2 proof can fail (spec 11 §6): the envelope's, then every condition of the ATX-domain
 * proofs' {@code Valid} methods, then the handler's identity checks. A proof that fails one proves nothing and is
 * rejected (its sender may be penalised); a reference ATX that cannot be fetched is an ignore.
 */
public enum MalfeasanceRule implements Rule {
    // envelope
    MALFORMED,
    UNKNOWN_VERSION,
    UNKNOWN_DOMAIN,
    UNKNOWN_ATX_PROOF_VERSION,
    UNKNOWN_PROOF_TYPE,
    // shared by the ATX proofs
    SAME_ATX,
    ATX_SIGNATURE,
    CERTIFICATE_SIGNATURE,
    MARRIAGES_ROOT_PROOF,
    CERTIFICATE_PROOF,
    MARRIAGE_ATX_PROOF,
    MISSING_MARRIAGE_PROOF,
    MARRIAGE_INDEX_PROOF,
    NIPOSTS_ROOT_PROOF,
    NIPOST_ROOT_PROOF,
    SUB_POSTS_ROOT_PROOF,
    SUB_POST_ROOT_PROOF,
    // double merge
    PUBLISH_EPOCH_PROOF,
    // invalid post
    CHALLENGE_PROOF,
    POST_PROOF,
    NUM_UNITS_PROOF,
    /** The label said to be valid does not verify: the commitment ATX is not shown to be the identity's. */
    COMMITMENT_NOT_SHOWN,
    /** The label said to be invalid verifies. */
    POST_VALID,
    // invalid previous ATX
    PREVIOUS_ATX_PROOF,
    V1_SIGNATURE,
    V1_OF_ANOTHER_IDENTITY,
    V1_OTHER_PREVIOUS,
    // handler
    /** A reference ATX could not be fetched (not the proof's fault: ignore). */
    UNKNOWN_REF_ATX,
    /** An unmarried accused identity with no ATX stored: no proof that it exists. */
    UNKNOWN_IDENTITY,
    /** A fetched proof that does not accuse the node id it was requested for. */
    WRONG_HASH,
    /** A proof against one of this node's own identities is never published. */
    OWN_IDENTITY,
    /** The proof is valid, but for another identity than the one it was made for. */
    OTHER_IDENTITY;

    @Override
    public String domain() {
        return "malfeasance";
    }
}
