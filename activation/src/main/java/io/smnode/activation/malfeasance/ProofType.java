package io.smnode.activation.malfeasance;

import java.util.Optional;

/**
 * The ATX-domain proof types and their codes (spec 11 §6.1). Codes 0x01–0x03 are reserved for migrating legacy
 * proofs and do not decode.
 */
public enum ProofType {
    DOUBLE_MARRY(0x11),
    DOUBLE_MERGE(0x12),
    INVALID_POST(0x13),
    INVALID_PREVIOUS_V1(0x14),
    INVALID_PREVIOUS_V2(0x15);

    private final int code;

    ProofType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ProofType> of(int code) {
        for (ProofType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
