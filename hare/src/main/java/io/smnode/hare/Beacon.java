package io.smnode.hare;

import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;

/**
 * An epoch's 4-byte beacon, the randomness mixed into every hare VRF message. Lives here until core has one (the
 * beacon protocol and ballots will need the same type).
 */
public final class Beacon extends FixedBytes {
    public static final int LENGTH = 4;

    private Beacon(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Beacon of(byte[] bytes) {
        return new Beacon(bytes);
    }

    public static Beacon ofHex(String hex) {
        return new Beacon(Hex.decode(hex));
    }
}
