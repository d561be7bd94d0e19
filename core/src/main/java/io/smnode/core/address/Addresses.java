package io.smnode.core.address;

import io.smnode.core.types.Address;

/** Building addresses from other bytes (go-spacemesh {@code GenerateAddress}). */
public final class Addresses {
    /** Bytes after the 4 reserved ones. */
    static final int BODY = Address.LENGTH - 4;

    private Addresses() {}

    /**
     * The address whose last 20 bytes are the last 20 bytes of {@code data}; shorter data is copied from byte 4
     * onward and the rest stays zero.
     */
    public static Address generate(byte[] data) {
        byte[] out = new byte[Address.LENGTH];
        int from = Math.max(0, data.length - BODY);
        System.arraycopy(data, from, out, Address.LENGTH - BODY, data.length - from);
        return Address.of(out);
    }
}
