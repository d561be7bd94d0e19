package io.smnode.core.types;

/** An epoch's beacon: 4 bytes of shared randomness (spec 03 §1); all zeros means "none". */
public final class Beacon extends FixedBytes {
    public static final int LENGTH = 4;
    public static final Beacon EMPTY = new Beacon(new byte[LENGTH]);

    private Beacon(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Beacon of(byte[] bytes) {
        return new Beacon(bytes);
    }

    public static Beacon ofHex(String hex) {
        return new Beacon(hexOf(hex));
    }
}
