package io.smnode.core.types;

/** An account address: 4 reserved zero bytes then 20 bytes. Text form (bech32) lives in io.smnode.core.address. */
public final class Address extends FixedBytes {
    public static final int LENGTH = 24;
    public static final Address ZERO = new Address(new byte[LENGTH]);

    private Address(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static Address of(byte[] bytes) {
        return new Address(bytes);
    }

    public static Address ofHex(String hex) {
        return new Address(hexOf(hex));
    }
}
