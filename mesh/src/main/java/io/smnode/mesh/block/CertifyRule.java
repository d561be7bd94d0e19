package io.smnode.mesh.block;

import io.smnode.core.verdict.Rule;

/**
 * Each check a certify message (or a certificate) can fail, in the order they are made. An unknown beacon or a layer
 * out of range is an ignore, the rest reject (the reference's certifier handler).
 */
public enum CertifyRule implements Rule {
    /** The message does not decode. */
    MALFORMED,
    /** No beacon is known for the layer's epoch. */
    BEACON_UNKNOWN,
    /** The layer is outside [current − buffer − 1, current + buffer]. */
    LAYER_OUT_OF_RANGE,
    /** The HARE-domain signature over SCALE(content) does not verify. */
    BAD_SIGNATURE,
    /** The signer is not in the layer's active set. */
    NOT_ACTIVE,
    /** The VRF proof does not verify for the certify round. */
    BAD_VRF_PROOF,
    /** The committee size is invalid or the signer's weight is above what the eligibility math supports. */
    NOT_ELIGIBLE,
    /** The claimed seat count is not the one the proof gives. */
    WRONG_ELIGIBILITY_COUNT,
    /** A certificate whose valid messages hold fewer seats than the threshold. */
    BELOW_THRESHOLD;

    @Override
    public String domain() {
        return "certify";
    }
}
