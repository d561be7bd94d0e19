package io.smnode.core.address;

/** Why a text address was refused; reasons mirror go-spacemesh's StringToAddress errors, checked in this order. */
public final class AddressException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a bech32 string: bad character, mixed case, no separator or HRP, short or wrong checksum. */
        DECODE_BECH32,
        /** The data part does not regroup to exactly 25 bytes (24 address bytes and padding). */
        WRONG_LENGTH,
        /** The human-readable part is not the expected network's. */
        UNSUPPORTED_NETWORK,
        /** One of the 4 reserved leading bytes is not zero. */
        MISSING_RESERVED_SPACE
    }

    private final Reason reason;

    public AddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
