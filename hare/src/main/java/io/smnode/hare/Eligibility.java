package io.smnode.hare;

import io.smnode.core.vrf.VrfProof;
import java.util.Objects;

/**
 * A sender's committee seats for one round: the VRF proof over the round's {@link HareOracle#vrfMessage} and the
 * seat count (uint16) it yields. The count is the message's weight in every tally.
 */
public record Eligibility(VrfProof proof, int count) {
    public Eligibility {
        Objects.requireNonNull(proof, "proof");
        if (count < 0 || count > 0xffff) {
            throw new IllegalArgumentException("eligibility count " + count + " outside uint16");
        }
    }
}
