package io.smnode.beacon;

import io.smnode.core.verdict.Rule;

/** Why a beacon message was not taken (spec 03 §1 and the reference's handlers). */
public enum BeaconRule implements Rule {
    /** The bytes are not a valid SCALE encoding of the message: the only REJECT, as in the reference. */
    MALFORMED,
    /** The message names another epoch than this protocol instance's. */
    WRONG_EPOCH,
    /** A proposal before {@code S(e) − GracePeriod}. */
    TOO_EARLY,
    /** The protocol for this epoch is not running (not started, or finished). */
    NOT_RUNNING,
    /** A first vote after round 0, or a following vote neither for the current round nor (late enough) the next. */
    UNTIMELY,
    /** The sender has no ATX targeting the epoch. */
    UNKNOWN_MINER,
    /** The VRF proof does not verify for the sender's key and nonce. */
    INVALID_VRF,
    /** The Ed25519 signature does not verify. */
    INVALID_SIGNATURE,
    /** The sender already proposed, or already voted in this round. */
    DUPLICATE,
    /** A following vote from a sender whose first-round vote list is not known. */
    NO_FIRST_VOTES,
    /** A weak coin message for a round that is neither running nor next. */
    WRONG_ROUND,
    /** A weak coin unit above the sender's allowance (the reference lets {@code unit == allowance} pass). */
    UNIT_NOT_ALLOWED,
    /** A weak coin proof that is not smaller than the smallest already seen. */
    NOT_SMALLEST;

    @Override
    public String domain() {
        return "beacon";
    }
}
