package io.smnode.core.signing;

import java.util.Optional;

/**
 * Signing domains: one byte, placed between the genesis prefix and the message, so that a signature made for one
 * purpose can never be replayed as another. Values and names are the reference node's ({@code signing.Domain}).
 */
public enum Domain {
    ATX(0, "ATX"),
    PROPOSAL(1, "PROPOSAL"),
    BALLOT(2, "BALLOT"),
    HARE(3, "HARE"),
    POET(4, "POET"),
    /** The reference's String() has no case for MARRIAGE and prints UNKNOWN; {@link #referenceName()} follows. */
    MARRIAGE(5, "UNKNOWN"),
    BEACON_FIRST_MSG(10, "BEACON_FIRST_MSG"),
    BEACON_FOLLOWUP_MSG(11, "BEACON_FOLLOWUP_MSG");

    private final int value;
    private final String referenceName;

    Domain(int value, String referenceName) {
        this.value = value;
        this.referenceName = referenceName;
    }

    /** The byte written into the signed bytes. */
    public int value() {
        return value;
    }

    /** What the reference node's Domain.String() prints (for logs and API output that must match it). */
    public String referenceName() {
        return referenceName;
    }

    public static Optional<Domain> fromValue(int value) {
        for (Domain d : values()) {
            if (d.value == value) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Lookup by constant name (e.g. "MARRIAGE"); "UNKNOWN" is not a name. */
    public static Optional<Domain> fromName(String name) {
        for (Domain d : values()) {
            if (d.name().equals(name)) { // null never matches
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
