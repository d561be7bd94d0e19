package io.smnode.core.codec;

/**
 * A value that cannot be encoded: a collection above its declared maximum, nesting above the limit, or an integer
 * outside its field's type. Unchecked because the value was built by this program, so it is a bug to fix, not a
 * condition to handle; the reason and path make the bug easy to find.
 */
public final class ScaleEncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ScaleException.Reason reason;
    private final String path;

    public ScaleEncodingException(ScaleException.Reason reason, String path, String detail) {
        super("cannot encode: " + reason + (path.isEmpty() ? "" : " at " + path) + ": " + detail);
        this.reason = reason;
        this.path = path;
    }

    public ScaleException.Reason reason() {
        return reason;
    }

    public String path() {
        return path;
    }
}
