package io.smnode.core.vrf;

import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;

/** The 64-byte ECVRF output beta = proof_to_hash(pi). */
public final class VrfOutput extends FixedBytes {
    public static final int LENGTH = 64;

    private VrfOutput(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static VrfOutput of(byte[] bytes) {
        return new VrfOutput(bytes);
    }

    public static VrfOutput ofHex(String hex) {
        return new VrfOutput(Hex.decode(hex));
    }
}
