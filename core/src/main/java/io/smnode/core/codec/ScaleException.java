package io.smnode.core.codec;

/**
 * Why a byte string is not a valid encoding of the expected type. Checked on purpose: every decoder of hostile
 * bytes must say what it does with a bad message, and the reason lets callers (peer scoring, the CLI) react to the
 * class of fault without parsing text.
 */
public final class ScaleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The class of fault. */
    public enum Reason {
        /** The input ended before the value did. */
        TRUNCATED,
        /** A compact integer was written in a larger mode than its value needs. */
        NON_CANONICAL,
        /** A compact integer's value (or its big-mode byte count) does not fit the field's integer type. */
        OUT_OF_RANGE,
        /** A length prefix is above the field's declared maximum (or the default cap). */
        TOO_LONG,
        /** Bytes are left over after the top-level value. */
        TRAILING_BYTES,
        /** Options, struct slices and struct arrays are nested deeper than the limit. */
        NESTED_TOO_DEEP,
        /** The bytes are well-formed SCALE but not a value the type admits (bad UTF-8, unknown tag, ...). */
        INVALID_VALUE
    }

    private final Reason reason;
    private final String path;
    private final int offset;

    public ScaleException(Reason reason, String path, int offset, String detail) {
        super(reason + (path.isEmpty() ? "" : " at " + path) + " (byte " + offset + "): " + detail);
        this.reason = reason;
        this.path = path;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Dotted field path where decoding failed, e.g. {@code Spend.Body.Payload.Arguments.Amount}; may be empty. */
    public String path() {
        return path;
    }

    /** Input position at which the faulty item (integer, length prefix, option, leftover bytes) starts. */
    public int offset() {
        return offset;
    }
}
