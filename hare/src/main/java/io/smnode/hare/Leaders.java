package io.smnode.hare;

import io.smnode.core.vrf.VrfProof;

/**
 * Min-selection over VRF proofs: the reference compares the 80 proof bytes as a little-endian integer (from the
 * last byte down) to order leaders and to pick the layer's coin.
 */
public final class Leaders {
    private Leaders() {}

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b} read little-endian. */
    public static int compare(VrfProof a, VrfProof b) {
        for (int i = VrfProof.LENGTH - 1; i >= 0; i--) {
            int c = Integer.compare(a.get(i) & 0xff, b.get(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The weak coin of a proof: its least significant bit, {@code π[0] & 1}. */
    public static boolean coin(VrfProof proof) {
        return (proof.get(0) & 1) != 0;
    }
}
