package io.smnode.hare;

import java.util.Optional;

/**
 * The rounds of one hare3 iteration, in wire order: the wire carries {@link #code()} and reordering is a
 * breaking change. Only preround (iteration 0), propose, commit and notify carry messages.
 */
public enum Round {
    PREROUND,
    HARDLOCK,
    SOFTLOCK,
    PROPOSE,
    WAIT1,
    WAIT2,
    COMMIT,
    NOTIFY;

    private static final Round[] BY_CODE = values();

    /** The round's number on the wire and in {@link IterRound#absolute()}. */
    public int code() {
        return ordinal();
    }

    /** The reference's lower-case name (as its logs and test tables spell it). */
    public String referenceName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The round with this wire number; empty for the codes 8..255 that a hostile sender may still put on the wire. */
    public static Optional<Round> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    public static Optional<Round> fromReferenceName(String name) {
        for (Round r : BY_CODE) {
            if (r.referenceName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
