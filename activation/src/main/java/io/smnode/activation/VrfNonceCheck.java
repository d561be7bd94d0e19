package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.VrfDifficulty;
import io.smnode.post.label.Commitment;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.ScryptJane;
import java.util.Arrays;

/**
 * The VRF nonce check of spec 08 §1.4: the full 32-byte scrypt output of label {@code nonce} must be below
 * {@code (2^256 div (numUnits × labelsPerUnit)) << 3}. One scrypt evaluation.
 */
public final class VrfNonceCheck {
    private VrfNonceCheck() {}

    /**
     * A label count of 0 (the reference would divide by zero) and one of 2^63 or more (beyond what
     * {@link VrfDifficulty} takes; unreachable with the mainnet's 2^32 labels per unit below 2^31 units) are refused.
     */
    public static boolean isValid(NodeId smesher, AtxId commitment, long nonce, long labelsPerUnit, long numUnits, int scryptN) {
        long numLabels = numUnits * labelsPerUnit; // wraps like the reference's uint64 product
        if (numLabels <= 0) {
            return false;
        }
        byte[] output = new byte[LabelGenerator.OUTPUT_SIZE];
        new ScryptJane(Commitment.of(smesher, commitment), scryptN).output(nonce, output, 0);
        return Arrays.compareUnsigned(output, VrfDifficulty.threshold(numLabels)) < 0;
    }
}
