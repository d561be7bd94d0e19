package io.smnode.core.address;

import io.smnode.core.address.AddressException.Reason;
import io.smnode.core.types.Address;
import java.util.Arrays;

/**
 * The text form of account addresses, as go-spacemesh's {@code Address.String} and {@code StringToAddress}:
 * bech32 of the 24 bytes regrouped 8-to-5 bits with padding. Decoding regroups 5-to-8 with padding and requires
 * exactly 25 bytes (so 39 and 40 data characters both pass, a quirk kept for compatibility), then the HRP, then the
 * 4 reserved zero bytes, in that order.
 */
public final class AddressCodec {
    public static final String MAINNET_HRP = "sm";
    public static final String TESTNET_HRP = "stest";
    public static final String STANDALONE_HRP = "standalone";

    private static final int RESERVED = 4;

    /** An address with the HRP it was written under. */
    public record DecodedAddress(String hrp, Address address) {}

    private AddressCodec() {}

    public static String encode(Address address, String hrp) {
        return Bech32.encode(hrp, Bech32.regroup(address.toByteArray(), 8, 5));
    }

    /** The address {@code text} denotes on the network whose HRP is {@code expectedHrp}. */
    public static Address decode(String text, String expectedHrp) throws AddressException {
        DecodedAddress decoded = parse(text);
        if (!decoded.hrp().equals(expectedHrp)) {
            throw new AddressException(Reason.UNSUPPORTED_NETWORK, "Address network '" + decoded.hrp()
                    + "' is not the expected '" + expectedHrp + "'.");
        }
        checkReserved(decoded.address());
        return decoded.address();
    }

    /** The address and its HRP, whatever the network (for tools that inspect addresses). */
    public static DecodedAddress decodeAnyNetwork(String text) throws AddressException {
        DecodedAddress decoded = parse(text);
        checkReserved(decoded.address());
        return decoded;
    }

    private static DecodedAddress parse(String text) throws AddressException {
        Bech32.Decoded bech = Bech32.decode(text);
        byte[] bytes = Bech32.regroup(bech.data().toByteArray(), 5, 8);
        if (bytes.length != Address.LENGTH + 1) {
            throw new AddressException(Reason.WRONG_LENGTH, "Address data is " + bytes.length
                    + " bytes after regrouping, expected " + (Address.LENGTH + 1) + ".");
        }
        return new DecodedAddress(bech.hrp(), Address.of(Arrays.copyOf(bytes, Address.LENGTH)));
    }

    private static void checkReserved(Address address) throws AddressException {
        for (int i = 0; i < RESERVED; i++) {
            if (address.get(i) != 0) {
                throw new AddressException(Reason.MISSING_RESERVED_SPACE, "Address byte " + i
                        + " is not zero, but the first " + RESERVED + " bytes are reserved.");
            }
        }
    }
}
