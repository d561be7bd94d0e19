package io.smnode.hare;

import io.smnode.core.vrf.VrfOrder;
import io.smnode.core.vrf.VrfProof;

/**
 * Min-selection over VRF proofs: the reference compares the 80 proof bytes as a little-endian integer (from the
 * last byte down) to order leaders and to pick the layer's coin.
 */
public final class Leaders {
    private Leaders() {}

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b} read little-endian. */
    public static int compare(VrfProof a, VrfProof b) {
        return VrfOrder.compareLittleEndian(a, b);
    }

    /** The weak coin of a proof: its least significant bit, {@code π[0] & 1}. */
    public static boolean coin(VrfProof proof) {
        return VrfOrder.coin(proof);
    }
}
