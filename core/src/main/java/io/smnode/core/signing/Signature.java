package io.smnode.core.signing;

import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;

/** A 64-byte Ed25519 signature R || S. */
public final class Signature extends FixedBytes {
    public static final int LENGTH = 64;

    private Signature(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Signature of(byte[] bytes) {
        return new Signature(bytes);
    }

    public static Signature ofHex(String hex) {
        return new Signature(Hex.decode(hex));
    }
}
