package io.smnode.core.vrf;

/**
 * How min-selection reads a proof (hare leaders, hare coin, beacon weak coin): the 80 bytes as a little-endian
 * integer, the reference's {@code VrfSignature.Cmp} scanning from the last byte; the coin is its lowest bit.
 */
public final class VrfOrder {
    private VrfOrder() {}

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b} read little-endian. */
    public static int compareLittleEndian(VrfProof a, VrfProof b) {
        for (int i = VrfProof.LENGTH - 1; i >= 0; i--) {
            int c = Integer.compare(a.get(i) & 0xff, b.get(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The coin of a proof: {@code π[0] & 1}. */
    public static boolean coin(VrfProof proof) {
        return (proof.get(0) & 1) != 0;
    }
}
