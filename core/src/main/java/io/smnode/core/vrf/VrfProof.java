package io.smnode.core.vrf;

import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;

/**
 * An 80-byte ECVRF proof pi = Gamma (32) || c (16) || s (32). Spacemesh uses these bytes themselves as the
 * node's random value (eligibility, leader order, coins), not the 64-byte hash of the proof.
 */
public final class VrfProof extends FixedBytes {
    public static final int LENGTH = 80;

    private VrfProof(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static VrfProof of(byte[] bytes) {
        return new VrfProof(bytes);
    }

    public static VrfProof ofHex(String hex) {
        return new VrfProof(Hex.decode(hex));
    }
}
