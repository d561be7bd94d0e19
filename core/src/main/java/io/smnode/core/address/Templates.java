package io.smnode.core.address;

import io.smnode.core.types.Address;

/** The built-in account template addresses: 23 zero bytes then the template number. */
public final class Templates {
    public static final Address WALLET = template(1);
    public static final Address MULTISIG = template(2);
    public static final Address VESTING = template(3);
    public static final Address VAULT = template(4);

    private Templates() {}

    private static Address template(int number) {
        byte[] bytes = new byte[Address.LENGTH];
        bytes[Address.LENGTH - 1] = (byte) number;
        return Address.of(bytes);
    }
}
